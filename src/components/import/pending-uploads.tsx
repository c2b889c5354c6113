"use client";

import { ArrowRight, X } from "lucide-react";
import Link from "next/link";

import { discardImportAction } from "@/actions/imports";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClasses } from "@/components/ui/button";
import { formatDateTime } from "@/lib/dates/format";
import type { ImportDraftRow } from "@/server/data/imports/drafts";

type PendingUploadsProps = { org: { slug: string; locale: string; timeZone: string }; drafts: ImportDraftRow[] };

/**
 * Files uploaded but never imported: continue mapping one, or discard it. They are not history
 * (the history lists imports that ran), so a wrong file leaves no trace once discarded.
 */
export function PendingUploads({ org, drafts }: PendingUploadsProps) {
  const n = new Intl.NumberFormat(org.locale);
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Uploads not imported yet">
      {drafts.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{d.fileName}</p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {formatDateTime(d.createdAt, org.locale, org.timeZone)} · {d.createdByName ?? "A former member"} · {n.format(d.totalRows)}{" "}
              rows
            </p>
          </div>
          <div className="flex items-center gap-2">
            <DiscardUpload orgSlug={org.slug} importId={d.id} fileName={d.fileName} />
            <Link href={`/${org.slug}/import/${d.id}`} className={buttonClasses("secondary", "sm")}>
              Continue
              <ArrowRight aria-hidden className="size-4" />
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}

function DiscardUpload({ orgSlug, importId, fileName }: { orgSlug: string; importId: string; fileName: string }) {
  const form = useActionForm({
    action: () => discardImportAction(orgSlug, { importId }),
    refresh: true,
    successToast: `Discarded “${fileName}”`,
  });
  return (
    <form {...form.formProps}>
      <Button
        type="submit"
        size="sm"
        variant="ghost"
        pending={form.pending}
        aria-label={`Discard ${fileName}`}
        icon={<X aria-hidden className="size-4" />}
      >
        Discard
      </Button>
    </form>
  );
}
