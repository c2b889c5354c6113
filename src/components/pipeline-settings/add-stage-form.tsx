"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { addStageAction } from "@/actions/pipeline";
import { Button } from "@/components/ui/button";

import { checkStage, type StageErrors, StageFormFields, type StageValues } from "./stage-form-fields";

const EMPTY: StageValues = { name: "", probability: "", staleAfterDays: "10" };

/** A new open stage goes after the existing open ones (before Won and Lost); move it from there. */
export function AddStageForm({ orgSlug }: { orgSlug: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<StageErrors>({});
  const [pending, startTransition] = useTransition();

  function change(key: keyof StageValues, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  }

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkStage(values);
    if ("errors" in checked) {
      setErrors(checked.errors);
      focusFirstInvalid();
      return;
    }
    startTransition(async () => {
      const result = await addStageAction(orgSlug, values);
      if (!result.ok) {
        setErrors((result.fieldErrors ?? {}) as StageErrors);
        toast.error(result.message);
        if (result.fieldErrors) focusFirstInvalid();
        return;
      }
      toast.success(`Added “${checked.normalized.name}”`);
      setValues(EMPTY);
      setErrors({});
      formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label="Add a stage"
      className="flex flex-col gap-3 px-5 py-4 lg:flex-row lg:items-start"
    >
      <p className="text-xs font-medium text-zinc-500 lg:w-28 lg:shrink-0 lg:pt-7 dark:text-zinc-400">New stage</p>
      <fieldset className="min-w-0 flex-1">
        <legend className="sr-only">New stage</legend>
        <StageFormFields values={values} errors={errors} onChange={change} labelPrefix="New stage" />
      </fieldset>
      <div className="lg:pt-6">
        <Button type="submit" size="sm" pending={pending} icon={<Plus aria-hidden className="size-4" />}>
          Add stage
        </Button>
      </div>
    </form>
  );
}
