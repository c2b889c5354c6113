"use client";

import { ListChecks, Play, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { discardImportAction, startImportAction, validateImportAction } from "@/actions/imports";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { duplicateFields, type ImportField, type ImportMapping } from "@/lib/import/fields";
import type { ImportOptions } from "@/lib/schemas/imports";
import type { ValidationSummary } from "@/server/data/imports/validate";

import { CheckReport } from "./check-report";
import { ColumnMapping } from "./column-mapping";
import { ImportOptionsForm, type OptionsDraft } from "./import-options";
import { ImportPreview } from "./import-preview";
import type { MapperFile, MapperOrg, MapperRefs } from "./types";

type ImportMapperProps = {
  org: MapperOrg;
  file: MapperFile;
  refs: MapperRefs;
  suggested: ImportMapping;
  initial: { mapping: ImportMapping; options: OptionsDraft };
  meName: string;
};

/**
 * Steps 2 and 3: map the columns (with a live preview of the first rows), choose the options, check
 * every row on the server, then start the import — of all rows, or of the valid ones only.
 */
export function ImportMapper({ org, file, refs, suggested, initial, meName }: ImportMapperProps) {
  const router = useRouter();
  const [mapping, setMapping] = useState<ImportMapping>(initial.mapping);
  const [options, setOptions] = useState<OptionsDraft>(initial.options);
  const [summary, setSummary] = useState<ValidationSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [detailsError, setDetailsError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"check" | "start" | "discard" | null>(null);
  const reportRef = useRef<HTMLDivElement>(null);

  const clashes = duplicateFields(mapping);
  const hasContact = mapping.includes("contact");
  const blocked = clashes.length > 0 || !hasContact;
  const working = pending || busy !== null;
  const input = (): ImportOptions => ({ mapping, ...options });

  // Any change makes the last check stale: the user checks again before importing.
  const changeMapping = (index: number, field: ImportField | null) => {
    setMapping((m) => m.map((f, i) => (i === index ? field : f)));
    setSummary(null);
  };
  const changeOptions = (next: OptionsDraft) => {
    setOptions(next);
    setSummary(null);
    setDetailsError(undefined);
  };

  function run(kind: "check" | "start" | "discard", job: () => Promise<void>) {
    setError(null);
    setBusy(kind);
    startTransition(async () => {
      try {
        await job();
      } catch {
        setError("Could not reach the server. Check your connection and try again.");
      } finally {
        setBusy(null);
      }
    });
  }

  const check = () =>
    run("check", async () => {
      const result = await validateImportAction(org.slug, { importId: file.importId, ...input() });
      if (!result.ok) {
        setDetailsError(result.fieldErrors?.["firstAction.details"]?.[0] ?? result.fieldErrors?.firstAction?.[0]);
        return setError(result.message);
      }
      setSummary(result.data);
      requestAnimationFrame(() => reportRef.current?.focus());
    });

  const start = (skipInvalid: boolean) =>
    run("start", async () => {
      const result = await startImportAction(org.slug, { importId: file.importId, ...input(), skipInvalid });
      if (!result.ok) return setError(result.message);
      toast.success("Import started", { description: "You can leave this page; the import continues." });
      router.refresh();
    });

  const discard = () =>
    run("discard", async () => {
      const result = await discardImportAction(org.slug, { importId: file.importId });
      if (!result.ok) return setError(result.message);
      router.push(`/${org.slug}/import`);
    });

  const n = new Intl.NumberFormat(org.locale);
  const validRows = summary?.validRows ?? 0;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="1. Columns" description={`${file.headers.length} columns found. Choose what each one is, or ignore it.`} />
        <ColumnMapping
          headers={file.headers}
          sample={file.sample}
          mapping={mapping}
          suggested={suggested}
          disabled={working}
          onChange={changeMapping}
        />
        {!hasContact ? (
          <div className="px-5 pb-4">
            <Alert tone="error" live={false}>
              Choose the column that holds the client: every deal needs one.
            </Alert>
          </div>
        ) : null}
      </Card>

      <Card>
        <CardHeader title="2. Options" />
        <CardBody>
          <ImportOptionsForm value={options} onChange={changeOptions} disabled={working} meName={meName} detailsError={detailsError} />
        </CardBody>
      </Card>

      <Card className="overflow-hidden">
        <CardHeader
          title="3. Preview"
          description={`The first ${file.sample.length} of ${n.format(file.totalRows)} rows, as they will be imported.`}
        />
        <ImportPreview file={file} mapping={mapping} refs={refs} org={org} unknownOwner={options.unknownOwner} meName={meName} />
      </Card>

      <Card className="overflow-hidden">
        <div ref={reportRef} tabIndex={-1} className="outline-none" aria-live="polite">
          <CardHeader
            title="4. Check and import"
            description={
              summary
                ? "Every row was read with the mapping above."
                : `Check all ${n.format(file.totalRows)} rows before importing: nothing is written yet.`
            }
          />
          {summary ? (
            <div className="py-4">
              <CheckReport summary={summary} locale={org.locale} />
            </div>
          ) : null}
        </div>
        {error ? (
          <div className="px-5 pb-4">
            <Alert tone="error">{error}</Alert>
          </div>
        ) : null}
        <CardFooter className="justify-between">
          <Button
            variant="ghost"
            onClick={discard}
            pending={busy === "discard"}
            disabled={working}
            icon={<X aria-hidden className="size-4" />}
          >
            Discard
          </Button>
          <div className="flex flex-wrap items-center justify-end gap-2">
            {summary && summary.invalidRows > 0 ? (
              <Link href={`/${org.slug}/import`} className={buttonClasses("secondary")}>
                Fix and re-upload
              </Link>
            ) : null}
            {summary && validRows > 0 ? (
              <Button
                onClick={() => start(summary.invalidRows > 0)}
                pending={busy === "start"}
                disabled={working}
                icon={<Play aria-hidden className="size-4" />}
              >
                {summary.invalidRows > 0 ? `Import the ${n.format(validRows)} valid rows` : `Import ${n.format(validRows)} rows`}
              </Button>
            ) : (
              <Button
                onClick={check}
                pending={busy === "check"}
                disabled={working || blocked}
                icon={<ListChecks aria-hidden className="size-4" />}
              >
                {summary ? "Check again" : `Check all ${n.format(file.totalRows)} rows`}
              </Button>
            )}
          </div>
        </CardFooter>
      </Card>
    </div>
  );
}
