import { Card, CardHeader } from "@/components/ui/card";

import type { StageView } from "./types";

const KIND_LABELS = { open: "Open", won: "Closed · won", lost: "Closed · lost" } as const;

/** What non-admins see: the pipeline as configured, read-only. */
export function StageTable({ stages, countLabel }: { stages: StageView[]; countLabel: string }) {
  return (
    <Card>
      <CardHeader title="Stages" description="In the order deals move through them." />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="px-5 py-2.5 font-medium">
                Stage
              </th>
              <th scope="col" className="px-5 py-2.5 font-medium">
                Kind
              </th>
              <th scope="col" className="px-5 py-2.5 text-right font-medium">
                Probability
              </th>
              <th scope="col" className="px-5 py-2.5 text-right font-medium">
                Stale after
              </th>
              <th scope="col" className="px-5 py-2.5 text-right font-medium">
                {countLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s.id} className="border-b border-zinc-100 last:border-b-0 dark:border-zinc-800/70">
                <th scope="row" className="px-5 py-3 font-medium text-zinc-900 dark:text-zinc-100">
                  {s.name}
                </th>
                <td className="px-5 py-3 text-zinc-600 dark:text-zinc-400">{KIND_LABELS[s.kind]}</td>
                <td className="px-5 py-3 text-right tabular-nums">{s.probability} %</td>
                <td className="px-5 py-3 text-right tabular-nums">
                  {s.staleAfterDays} {s.staleAfterDays === 1 ? "day" : "days"}
                </td>
                <td className="px-5 py-3 text-right tabular-nums">{s.dealCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
