import type { ImportMember } from "@/lib/import/owners";
import type { ImportStage } from "@/lib/import/stages";
import type { ValueCount } from "@/lib/import/value-map";

/** What the mapping screen needs from the server (all plain data, passed to client components). */
export type MapperOrg = { slug: string; currency: string; locale: string; timeZone: string };
export type MapperRefs = { stages: ImportStage[]; members: ImportMember[]; lossReasonId: string | null; lossReasonLabel: string | null };
export type MapperFile = {
  importId: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  totalRows: number;
  headers: string[];
  sample: { line: number; cells: string[] }[];
  /** Per column, its distinct values with counts (null: too many; the whole field null for uploads older than the step). */
  valueCounts: (ValueCount[] | null)[] | null;
};
