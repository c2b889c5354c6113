import { clsx } from "clsx";
import { Handshake, History, Upload } from "lucide-react";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates/format";
import type { ImportView } from "@/server/data/imports/drafts";

import { RevertButton } from "./revert-button";

type ImportResultProps = { org: { slug: string; locale: string; timeZone: string }; imp: ImportView };

function Count({ label, value, locale, tone }: { label: string; value: number; locale: string; tone?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <p className={clsx("text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-100", value > 0 && tone)}>
        {new Intl.NumberFormat(locale).format(value)}
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{label}</p>
    </div>
  );
}

/** The outcome of a finished (or reverted) import, with the way to the deals and the revert. */
export function ImportResult({ org, imp }: ImportResultProps) {
  const reverted = imp.status === "reverted";
  return (
    <Card>
      <CardHeader
        title={reverted ? "Import reverted" : "Import completed"}
        description={
          imp.finishedAt
            ? `${imp.createdByName ?? "A former member"} imported ${imp.fileName} on ${formatDateTime(imp.finishedAt, org.locale, org.timeZone)}.`
            : undefined
        }
        actions={
          imp.status === "completed" && imp.createdCount + imp.updatedCount > 0 ? (
            <RevertButton
              orgSlug={org.slug}
              importId={imp.id}
              fileName={imp.fileName}
              created={imp.createdCount}
              updated={imp.updatedCount}
              size="md"
            />
          ) : null
        }
      />
      <CardBody className="space-y-4">
        {reverted && imp.revertedAt ? (
          <Alert tone="info" live={false}>
            Reverted on {formatDateTime(imp.revertedAt, org.locale, org.timeZone)}: the deals it created were deleted and the deals it
            updated got their previous values back.
          </Alert>
        ) : null}
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Count label="created" value={imp.createdCount} locale={org.locale} tone="text-emerald-700 dark:text-emerald-300" />
          <Count label="updated" value={imp.updatedCount} locale={org.locale} tone="text-amber-700 dark:text-amber-300" />
          <Count label="skipped" value={imp.skippedCount} locale={org.locale} />
          <Count label="failed" value={imp.failedCount} locale={org.locale} tone="text-red-700 dark:text-red-300" />
        </div>
        <div className="flex flex-wrap gap-2">
          {!reverted ? (
            <Link href={`/${org.slug}/deals`} className={buttonClasses("primary")}>
              <Handshake aria-hidden className="size-4" />
              View deals
            </Link>
          ) : null}
          <Link href={`/${org.slug}/import/history`} className={buttonClasses("secondary")}>
            <History aria-hidden className="size-4" />
            Import history
          </Link>
          <Link href={`/${org.slug}/import`} className={buttonClasses("secondary")}>
            <Upload aria-hidden className="size-4" />
            Import another file
          </Link>
        </div>
      </CardBody>
    </Card>
  );
}
