"use client";

import { Plus } from "lucide-react";

import { addStageAction } from "@/actions/pipeline";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { addStageSchema, type StageFieldsInput } from "@/lib/schemas/pipeline";

import { StageFormFields, type StageValues } from "./stage-form-fields";

const EMPTY: StageValues = { name: "", probability: "", staleAfterDays: "10" };

/** A new open stage goes after the existing open ones (before Won and Lost); move it from there. */
export function AddStageForm({ orgSlug }: { orgSlug: string }) {
  const form = useActionForm({
    action: (input: StageFieldsInput) => addStageAction(orgSlug, input),
    schema: addStageSchema,
    successToast: (_, input) => `Added “${String(input.name).trim()}”`,
    onSuccess: () => {
      // Ready for the next one.
      const element = form.formProps.ref.current;
      element?.reset();
      element?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    },
  });

  return (
    <form {...form.formProps} aria-label="Add a stage" className="flex flex-col gap-3 px-5 py-4 lg:flex-row lg:items-start">
      <p className="text-xs font-medium text-zinc-500 lg:w-28 lg:shrink-0 lg:pt-7 dark:text-zinc-400">New stage</p>
      <fieldset className="min-w-0 flex-1">
        <legend className="sr-only">New stage</legend>
        <StageFormFields form={form} defaults={EMPTY} labelPrefix="New stage" />
      </fieldset>
      <div className="lg:pt-6">
        <Button type="submit" size="sm" pending={form.pending} icon={<Plus aria-hidden className="size-4" />}>
          Add stage
        </Button>
      </div>
    </form>
  );
}
