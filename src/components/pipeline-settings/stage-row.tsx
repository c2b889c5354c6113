"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";

import { updateStageAction } from "@/actions/pipeline";
import { Button } from "@/components/ui/button";

import { checkStage, type StageErrors, StageFormFields, type StageValues } from "./stage-form-fields";
import type { StageView } from "./types";

type StageRowProps = {
  orgSlug: string;
  stage: StageView;
  /** Open stages only: their place in the order, and what moving does. */
  order?: { index: number; total: number; onMove: (direction: "up" | "down") => void };
  onRemove?: () => void;
};

const valuesOf = (s: StageView): StageValues => ({
  name: s.name,
  probability: String(s.probability),
  staleAfterDays: String(s.staleAfterDays),
});

/** One stage as a small form of its own: edit, then Save (or Enter); open stages also move and can be removed. */
export function StageRow({ orgSlug, stage, order, onRemove }: StageRowProps) {
  const [values, setValues] = useState(() => valuesOf(stage));
  const [saved, setSaved] = useState(() => valuesOf(stage));
  const [errors, setErrors] = useState<StageErrors>({});
  const [pending, startTransition] = useTransition();
  const dirty = values.name !== saved.name || values.probability !== saved.probability || values.staleAfterDays !== saved.staleAfterDays;
  const fixed = stage.kind !== "open";

  function change(key: keyof StageValues, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = checkStage(values);
    if ("errors" in checked) {
      setErrors(checked.errors);
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    // The Save button is disabled while saving, which takes focus away from it: hand focus back after.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    startTransition(async () => {
      const result = await updateStageAction(orgSlug, { stageId: stage.id, ...values });
      requestAnimationFrame(() => {
        if (document.activeElement === document.body && focused?.isConnected) focused.focus();
      });
      if (!result.ok) {
        setErrors((result.fieldErrors ?? {}) as StageErrors);
        toast.error(result.message);
        return;
      }
      setValues(checked.normalized);
      setSaved(checked.normalized);
      toast.success(`Saved “${checked.normalized.name}”`);
    });
  }

  return (
    <li className="border-b border-zinc-200 px-5 py-4 last:border-b-0 dark:border-zinc-800">
      <form onSubmit={submit} noValidate aria-label={`Stage ${saved.name}`} className="flex flex-col gap-3 lg:flex-row lg:items-start">
        <div className="flex items-center gap-2 lg:w-28 lg:shrink-0 lg:flex-col lg:items-start lg:pt-7">
          <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
            {order ? `Stage ${order.index + 1}` : stage.kind === "won" ? "Closed · won" : "Closed · lost"}
          </span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {stage.dealCount} {stage.dealCount === 1 ? "deal" : "deals"}
          </span>
        </div>
        <fieldset className="min-w-0 flex-1">
          <legend className="sr-only">{saved.name}</legend>
          <StageFormFields values={values} errors={errors} onChange={change} probabilityFixed={fixed} labelPrefix={saved.name} />
        </fieldset>
        <div className="flex flex-wrap items-center gap-1.5 lg:pt-6">
          <Button type="submit" size="sm" variant={dirty ? "primary" : "secondary"} disabled={!dirty} pending={pending}>
            Save<span className="sr-only"> {saved.name}</span>
          </Button>
          {order ? (
            <>
              <Button
                id={`stage-${stage.id}-up`}
                size="sm"
                variant="ghost"
                aria-label={`Move ${saved.name} up`}
                title="Move up"
                disabled={order.index === 0}
                onClick={() => order.onMove("up")}
                icon={<ArrowUp aria-hidden className="size-4" />}
              />
              <Button
                id={`stage-${stage.id}-down`}
                size="sm"
                variant="ghost"
                aria-label={`Move ${saved.name} down`}
                title="Move down"
                disabled={order.index === order.total - 1}
                onClick={() => order.onMove("down")}
                icon={<ArrowDown aria-hidden className="size-4" />}
              />
            </>
          ) : null}
          {onRemove ? (
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove ${saved.name}`}
              title="Remove"
              onClick={onRemove}
              icon={<Trash2 aria-hidden className="size-4" />}
            />
          ) : null}
        </div>
      </form>
    </li>
  );
}
