import type { ImportField, ImportMapping } from "./fields";
import { isStatusColumn } from "./status";
import { foldLabel } from "./text";

/**
 * Header names people use, in English and French, already folded (see foldLabel). Matching is
 * exact on the folded header first, then on a dictionary phrase contained in it (so "Montant HT (€)"
 * is a value and "Expected close date (dd/mm)" a close date).
 */
const DICTIONARY: Record<Exclude<ImportField, "status">, string[]> = {
  contact: [
    "client",
    "clients",
    "company",
    "company name",
    "customer",
    "customer name",
    "name",
    "contact",
    "contact name",
    "account",
    "account name",
    "organisation",
    "organization",
    "societe",
    "entreprise",
    "nom",
    "nom du client",
    "raison sociale",
  ],
  title: ["titre", "title", "deal", "deal name", "deal title", "opportunity", "opportunite", "affaire", "objet", "intitule", "subject"],
  product: [
    "product",
    "products",
    "product name",
    "produit",
    "produits",
    "service",
    "services",
    "prestation",
    "offre",
    "article",
    "item",
    "formule",
    "solution",
  ],
  stage: ["statut", "status", "stage", "deal stage", "etape", "phase", "etat", "pipeline stage"],
  value: [
    "montant",
    "montant brut",
    "montant ht",
    "montant ttc",
    "amount",
    "value",
    "deal value",
    "valeur",
    "prix",
    "price",
    "total",
    "revenue",
    "chiffre d affaires",
    "ca",
  ],
  sector: ["secteur", "secteur d activite", "sector", "industry", "industrie", "activite", "vertical"],
  expectedCloseDate: [
    "date echeance",
    "echeance",
    "date d echeance",
    "close date",
    "expected close",
    "expected close date",
    "closing date",
    "date de cloture",
    "cloture prevue",
    "date de cloture prevue",
    "due date",
    "deadline",
    "date limite",
  ],
  // The dates that give a deal its history (Pipedrive: "Deal created", "Won time", "Lost time"; HubSpot: "Create Date").
  createdDate: ["created", "created at", "created date", "create date", "deal created", "add time", "date de creation", "cree le"],
  wonDate: ["won date", "won time", "won at", "date gagne", "gagne le"],
  lostDate: ["lost date", "lost time", "lost at", "date perdu", "perdu le"],
  owner: [
    "assignee",
    "assigned to",
    "owner",
    "deal owner",
    "commercial",
    "sales rep",
    "salesperson",
    "rep",
    "responsable",
    "vendeur",
    "proprietaire",
    "charge d affaires",
  ],
  source: ["source", "lead source", "origine", "canal", "channel"],
  notes: ["notes", "note", "commentaire", "commentaires", "comment", "comments", "remarques", "remarque", "description", "details"],
};

const EXACT = new Map<string, ImportField>();
for (const [field, names] of Object.entries(DICTIONARY) as [ImportField, string[]][]) {
  for (const name of names) EXACT.set(name, field);
}

/** Longest phrases first, so "date de cloture prevue" wins over "date". Short words need a whole-word match. */
const PHRASES = [...EXACT.entries()].filter(([name]) => name.length >= 4).sort((a, b) => b[0].length - a[0].length);

export function fieldForHeader(header: string): ImportField | null {
  const folded = foldLabel(header);
  if (!folded) return null;
  const exact = EXACT.get(folded);
  if (exact) return exact;
  const padded = ` ${folded} `;
  for (const [name, field] of PHRASES) {
    if (padded.includes(` ${name} `)) return field;
  }
  return null;
}

/**
 * One suggestion per column; a field already claimed by an earlier column is left unmapped. With
 * the columns' values (the upload's distinct values), a "Status" column holding only open / won /
 * lost is the status column beside the stage column, as Pipedrive exports it.
 */
export function suggestMapping(headers: string[], columnValues?: readonly ({ value: string }[] | null)[]): ImportMapping {
  const taken = new Set<ImportField>();
  return headers.map((header, i) => {
    let field = fieldForHeader(header);
    const values = columnValues?.[i];
    if (field === "stage" && values && isStatusColumn(values.map((v) => v.value))) field = "status";
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
