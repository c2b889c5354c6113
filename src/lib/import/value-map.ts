import { foldStatus, type ImportStage, type StageMatcher, stageMatcher } from "./stages";

/** One distinct value of the stage column and the stage its rows go to (null: not mapped, the rows are refused). */
export type StageValueChoice = { value: string; stageId: string | null };
export type ValueCount = { value: string; count: number };

/** What the org chose for values in earlier imports, by folded value ("contact made" → a stage id). */
export type RememberedValues = Record<string, string>;

/**
 * The stage column's matcher with the user's value mapping first: each listed value goes where the
 * user mapped it; a value not listed (the column had too many to list) is matched by name.
 */
export function valueStageMatcher(stages: ImportStage[], choices: StageValueChoice[]): StageMatcher {
  const byId = new Map(stages.map((s) => [s.id, s]));
  const chosen = new Map<string, ImportStage | null>();
  for (const c of choices) {
    const stage = c.stageId === null ? null : byId.get(c.stageId);
    if (stage !== undefined) chosen.set(c.value.trim(), stage);
  }
  const byName = stageMatcher(stages);
  return (raw) => {
    const key = raw.trim();
    return chosen.has(key) ? chosen.get(key)! : byName(raw);
  };
}

/** The value-mapping step's starting point: what the org chose before, else the stage the value names, else nothing. */
export function prefillStageValues(values: string[], stages: ImportStage[], remembered: RememberedValues): StageValueChoice[] {
  const known = new Set(stages.map((s) => s.id));
  const byName = stageMatcher(stages);
  return values.map((value) => {
    const before = remembered[foldStatus(value)];
    return { value, stageId: before && known.has(before) ? before : (byName(value)?.id ?? null) };
  });
}

/** Choices of earlier imports, newest first, as one memory: the newest choice for a value wins. */
export function mergeRemembered(newestFirst: StageValueChoice[][]): RememberedValues {
  const out: RememberedValues = {};
  for (const choices of newestFirst) {
    for (const c of choices) {
      const key = foldStatus(c.value);
      if (key && c.stageId && !(key in out)) out[key] = c.stageId;
    }
  }
  return out;
}

export const MAX_LISTED_VALUES = 100;

/**
 * Each column's distinct values with their counts, most frequent first; null for a column with
 * more than MAX_LISTED_VALUES (a name or amount column, not one to map value by value). One pass
 * at upload; a column stops being counted as soon as it has too many.
 */
export function countColumnValues(columns: number, records: { cells: string[] }[]): (ValueCount[] | null)[] {
  const counts: (Map<string, number> | null)[] = Array.from({ length: columns }, () => new Map());
  for (const { cells } of records) {
    for (let i = 0; i < columns; i++) {
      const map = counts[i];
      if (!map) continue;
      const value = (cells[i] ?? "").trim();
      map.set(value, (map.get(value) ?? 0) + 1);
      if (map.size > MAX_LISTED_VALUES) counts[i] = null;
    }
  }
  return counts.map((map) =>
    map ? [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)) : null,
  );
}

/** The stage column's values the step lists (blank cells are not a value to map: those rows start in the first open stage). */
export function listedValues(counts: ValueCount[] | null | undefined): ValueCount[] | null {
  return counts ? counts.filter((c) => c.value !== "") : null;
}

/** What each listed value starts as: the import's saved choice (a check was run), else the prefill. */
export function startingChoices(
  values: string[],
  saved: StageValueChoice[],
  stages: ImportStage[],
  remembered: RememberedValues,
): StageValueChoice[] {
  const before = new Map(saved.map((c) => [c.value, c.stageId]));
  const prefill = prefillStageValues(values, stages, remembered);
  return prefill.map((p) => (before.has(p.value) ? { value: p.value, stageId: before.get(p.value)! } : p));
}
