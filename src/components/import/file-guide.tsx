import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { localeDateOrder } from "@/lib/import/dates";

const COLUMNS: { field: string; headers: string; note?: string }[] = [
  { field: "Contact", headers: "client, company, customer, name, société", note: "required" },
  { field: "Title", headers: "title, deal, titre, affaire", note: "default: the client and the product, e.g. “Acme – Website”" },
  { field: "Product", headers: "product, service, produit, prestation", note: "what is sold: names the deal when there is no title" },
  { field: "Stage", headers: "status, stage, statut, étape", note: "each value is mapped to one of your stages" },
  { field: "Status", headers: "status (open, won, lost)", note: "decides won and lost, as Pipedrive exports it" },
  { field: "Value", headers: "amount, value, montant, montant_brut" },
  { field: "Sector", headers: "sector, industry, secteur" },
  { field: "Expected close", headers: "close date, expected close, date_echeance, échéance" },
  { field: "Owner", headers: "owner, assignee, sales rep, commercial", note: "a member's name, first name or email" },
  { field: "Notes", headers: "notes, comments, commentaire", note: "go into the first next action" },
];

/** What a file may contain, in the org's own formats, so nobody has to guess before uploading. */
export function FileGuide({ locale, currency, stageNames }: { locale: string; currency: string; stageNames: string[] }) {
  const dayFirst = localeDateOrder(locale) === "day-first";
  const amount = new Intl.NumberFormat(locale, { style: "currency", currency }).format(12500.5);
  return (
    <Card>
      <CardHeader
        title="What the file can contain"
        description="One deal per row; the first row names the columns, in English or French."
        headingLevel={2}
      />
      <CardBody className="space-y-4 text-sm">
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {COLUMNS.map((c) => (
            <div key={c.field} className="grid grid-cols-[7.5rem_1fr] gap-3 py-2 first:pt-0">
              <dt className="font-medium text-zinc-900 dark:text-zinc-100">{c.field}</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">
                {c.headers}
                {c.note ? <span className="block text-xs text-zinc-500 dark:text-zinc-500">{c.note}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
        <ul className="list-disc space-y-1 pl-5 text-zinc-600 dark:text-zinc-400">
          <li>
            Amounts as you write them: <span className="whitespace-nowrap">{amount}</span>, 12,500.50, €12500.
          </li>
          <li>
            Dates like 2026-12-31 or{" "}
            {dayFirst ? "31/12/2026 (day first, as in this organization)" : "12/31/2026 (month first, as in this organization)"}.
          </li>
          <li>Statuses: {stageNames.join(", ")} — or their English or French names, in any case, with or without accents.</li>
        </ul>
      </CardBody>
    </Card>
  );
}
