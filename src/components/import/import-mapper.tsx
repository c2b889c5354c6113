"use client";

import { ListChecks, Play, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useMemo, useRef, useState } from "react";

import { discardImportAction, startImportAction, validateImportAction } from "@/actions/imports";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFormDraft } from "@/components/forms/use-form-draft";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import type { DateOrder } from "@/lib/import/dates";
import { duplicateFields, type ImportMapping, type UnknownOwnerPolicy } from "@/lib/import/fields";
import { firstStepFor } from "@/lib/import/first-steps";
import { listedValues, type RememberedValues, startingChoices } from "@/lib/import/value-map";
import { type StartImportInput, type ValidateImportInput, validateImportSchema } from "@/lib/schemas/imports";
import type { ValidationSummary } from "@/server/data/imports/validate";

import { CheckReport } from "./check-report";
import { ColumnMapping } from "./column-mapping";
import { ImportOptionsFields, type OptionsDraft } from "./import-options";
import { ImportPreview } from "./import-preview";
import { importInputOf, mappingOf, stageValuesOf } from "./mapper-input";
import type { MapperFile, MapperOrg, MapperRefs } from "./types";
import { ValueMapping } from "./value-mapping";

type ImportMapperProps = {
  org: MapperOrg;
  file: MapperFile;
  refs: MapperRefs;
  suggested: ImportMapping;
  initial: { mapping: ImportMapping; options: OptionsDraft };
  /** The stage chosen for each value in the org's earlier imports (by folded value). */
  remembered: RememberedValues;
  meName: string;
};

/**
 * Steps 2 and 3: map the columns and the stage column's values (with a live preview of the first
 * rows), choose the options, check
 * every row on the server, then start the import — of all rows, or of the valid ones only. Three
 * forms: the mapping and options (submitted to the check), Start (the checked input) and Discard.
 */
export function ImportMapper({ org, file, refs, suggested, initial, remembered, meName }: ImportMapperProps) {
  const router = useRouter();
  const ids = { start: useId(), discard: useId() };
  const reportRef = useRef<HTMLDivElement>(null);
  // The last check's report and the input it checked, which is what Start imports. Any change makes it stale.
  const [checked, setChecked] = useState<{ summary: ValidationSummary; input: ValidateImportInput } | null>(null);

  const check = useActionForm({
    action: (input: ValidateImportInput) => validateImportAction(org.slug, input),
    toInput: (values) => importInputOf(values, file.importId),
    schema: validateImportSchema,
    failureToast: false,
    onSuccess: (summary, input) => {
      setChecked({ summary, input });
      requestAnimationFrame(() => reportRef.current?.focus());
    },
  });
  const draft = useFormDraft(check.formProps.ref);
  const start = useActionForm({
    action: (input: StartImportInput) => startImportAction(org.slug, input),
    toInput: () => ({ ...checked!.input, skipInvalid: checked!.summary.invalidRows > 0 }),
    failureToast: false,
    successToast: { title: "Import started", description: "You can leave this page; the import continues." },
  });
  const discard = useActionForm({
    action: () => discardImportAction(org.slug, { importId: file.importId }),
    failureToast: false,
    onSuccess: () => router.push(`/${org.slug}/import`),
  });

  const mapping = mappingOf(draft.values) ?? initial.mapping;
  const unknownOwner = (draft.values?.unknownOwner as UnknownOwnerPolicy | undefined) ?? initial.options.unknownOwner;
  const formDateOrder = draft.values?.dateOrder;
  const dateOrder = typeof formDateOrder === "string" ? ((formDateOrder || null) as DateOrder | null) : (initial.options.dateOrder ?? null);
  // The stage column's values: where each starts (saved, remembered or named), and where each goes now.
  const stageCol = mapping.indexOf("stage");
  const listed = useMemo(() => (stageCol >= 0 ? listedValues(file.valueCounts?.[stageCol]) : null), [stageCol, file.valueCounts]);
  const starting = useMemo(
    () =>
      listed
        ? startingChoices(
            listed.map((c) => c.value),
            initial.options.stageValues,
            refs.stages,
            remembered,
          )
        : null,
    [listed, initial.options.stageValues, refs.stages, remembered],
  );
  const current = stageValuesOf(draft.values);
  // The form's choices once they are for this column (right after the column changes they are the last column's).
  const stageValues =
    current && starting && current.length === starting.length && current.every((c, i) => c.value === starting[i]!.value)
      ? current
      : (starting ?? []);
  const firstSteps = refs.stages
    .filter((s) => s.kind === "open")
    .map((s) => ({ stage: s.name, step: firstStepFor(s, org.locale, initial.options.firstAction.details) }));
  const hasContact = mapping.includes("contact");
  const blocked = duplicateFields(mapping).length > 0 || !hasContact;
  const working = check.pending || start.pending || discard.pending;
  const summary = checked?.summary ?? null;

  const n = new Intl.NumberFormat(org.locale);
  const validRows = summary?.validRows ?? 0;
  return (
    <>
      <form
        {...check.formProps}
        onChange={() => {
          draft.onChange();
          setChecked(null);
        }}
        aria-label="Map the columns"
        className="space-y-6"
      >
        <Card>
          <CardHeader title="1. Columns" description={`${file.headers.length} columns found. Choose what each one is, or ignore it.`} />
          <ColumnMapping
            headers={file.headers}
            sample={file.sample}
            initial={initial.mapping}
            mapping={mapping}
            suggested={suggested}
            disabled={working}
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
          <CardHeader
            title="2. Stages"
            description={
              listed
                ? `The ${n.format(listed.length)} different values of “${file.headers[stageCol]}” and the stage each one’s rows go to.`
                : "Where the rows go in your pipeline."
            }
          />
          <ValueMapping
            headers={file.headers}
            mapping={mapping}
            valueCounts={file.valueCounts}
            stages={refs.stages}
            choices={starting}
            lossReasonLabel={refs.lossReasonLabel}
            locale={org.locale}
            disabled={working}
          />
        </Card>

        <Card>
          <CardHeader title="3. Options" />
          <CardBody>
            <ImportOptionsFields form={check} defaults={initial.options} disabled={working} meName={meName} firstSteps={firstSteps} />
          </CardBody>
        </Card>

        <Card className="overflow-hidden">
          <CardHeader
            title="4. Preview"
            description={`The first ${file.sample.length} of ${n.format(file.totalRows)} rows, as they will be imported.`}
          />
          <ImportPreview
            file={file}
            mapping={mapping}
            stageValues={stageValues}
            refs={refs}
            org={org}
            unknownOwner={unknownOwner}
            meName={meName}
            dateOrder={dateOrder}
            savedDateOrder={initial.options.dateOrder ?? null}
          />
        </Card>

        <Card className="overflow-hidden">
          <div ref={reportRef} tabIndex={-1} className="outline-none" aria-live="polite">
            <CardHeader
              title="5. Check and import"
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
          {[check, start, discard].map((form, i) => (
            <FormAlert key={i} form={form} className="mx-5 mb-4" />
          ))}
          <CardFooter className="justify-between">
            <Button
              type="submit"
              form={ids.discard}
              variant="ghost"
              pending={discard.pending}
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
                  type="submit"
                  form={ids.start}
                  pending={start.pending}
                  disabled={working}
                  icon={<Play aria-hidden className="size-4" />}
                >
                  {summary.invalidRows > 0 ? `Import the ${n.format(validRows)} valid rows` : `Import ${n.format(validRows)} rows`}
                </Button>
              ) : (
                <Button
                  type="submit"
                  pending={check.pending}
                  disabled={working || blocked}
                  icon={<ListChecks aria-hidden className="size-4" />}
                >
                  {summary ? "Check again" : `Check all ${n.format(file.totalRows)} rows`}
                </Button>
              )}
            </div>
          </CardFooter>
        </Card>
      </form>
      {/* Start and Discard send no field: their buttons in the footer above name these empty forms (forms cannot nest). */}
      <form {...start.formProps} id={ids.start} hidden />
      <form {...discard.formProps} id={ids.discard} hidden />
    </>
  );
}
