/**
 * A form's values as the nested object its inputs' dotted names describe:
 * `nextAction.dueAt` → `{ nextAction: { dueAt } }`, `lines.0.amount` → `{ lines: [{ amount }] }`.
 * A name that occurs more than once (checkboxes, multi-selects) gives an array of its values.
 * Values stay strings (or Files): the action's zod schema coerces them, or the form's `toInput` does.
 */
export type FormValues = { [key: string]: FormValue };
type FormValue = string | File | FormValue[] | FormValues;

// A form's own names could never be these, but a crafted one must not reach Object.prototype.
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);
const isIndex = (segment: string) => /^\d+$/.test(segment);

export function formValues(data: FormData): FormValues {
  const root: FormValues = {};
  const seen = new Set<string>();
  for (const [name, value] of data.entries()) {
    const path = name.split(".");
    if (path.some((s) => s === "" || FORBIDDEN.has(s))) continue;
    setPath(root, path, value, seen.has(name));
    seen.add(name);
  }
  return root;
}

function setPath(root: FormValues, path: string[], value: string | File, repeated: boolean) {
  let node: Record<string, FormValue> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const existing = node[key];
    if (existing === undefined || typeof existing === "string" || existing instanceof File) {
      node[key] = isIndex(path[i + 1]!) ? [] : {};
    }
    node = node[key] as Record<string, FormValue>;
  }
  const last = path[path.length - 1]!;
  const current = node[last];
  if (!repeated || current === undefined) node[last] = value;
  else node[last] = Array.isArray(current) ? [...current, value] : [current as FormValue, value];
}
