/**
 * A form's values as one comparable string, for "has anything changed since it was saved?".
 * A chosen file counts by its name, size and date: choosing another file is a change.
 */
export function draftKey(values: unknown): string {
  return JSON.stringify(values, (_key, value: unknown) =>
    value instanceof File ? { file: value.name, size: value.size, lastModified: value.lastModified } : value,
  );
}
