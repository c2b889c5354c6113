/**
 * Label comparison as people expect it: case-, accent- and spacing-insensitive, so that
 * "Qualifié", "QUALIFIE" and " qualifie " are the same status and "Date d'échéance" matches
 * "date_echeance".
 */
export function foldLabel(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
