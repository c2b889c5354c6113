"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useEffect, useRef } from "react";
import type { z } from "zod";

import { updateStageAction } from "@/actions/pipeline";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFormDraft } from "@/components/forms/use-form-draft";
import { Button } from "@/components/ui/button";
import { updateStageSchema } from "@/lib/schemas/pipeline";

import { StageFormFields } from "./stage-form-fields";
import type { StageView } from "./types";

type StageRowProps = {
  orgSlug: string;
  stage: StageView;
  /** Open stages only: their place in the order, and what moving does. */
  order?: { index: number; total: number; onMove: (direction: "up" | "down") => void };
  onRemove?: () => void;
};

/** One stage as a small form of its own: edit, then Save (or Enter); open stages also move and can be removed. */
export function StageRow({ orgSlug, stage, order, onRemove }: StageRowProps) {
  const form = useActionForm({
    action: (input: z.input<typeof updateStageSchema>) => updateStageAction(orgSlug, input),
    schema: updateStageSchema,
    successToast: (_, input) => `Saved “${String(input.name).trim()}”`,
    onSuccess: (_, input) => draft.markSaved(input),
  });
  const draft = useFormDraft(form.formProps.ref);
  const saved = stage.name;
  const fixed = stage.kind !== "open";

  // The Save button is disabled while saving, which drops focus: hand it back to what had it.
  const focused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = focused.current;
    if (form.pending || !element) return;
    focused.current = null;
    if (document.activeElement === document.body && element.isConnected) element.focus();
  }, [form.pending]);

  return (
    <li className="border-b border-zinc-200 px-5 py-4 last:border-b-0 dark:border-zinc-800">
      <form
        {...form.formProps}
        onSubmit={(event) => {
          focused.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          form.formProps.onSubmit(event);
        }}
        onChange={draft.onChange}
        aria-label={`Stage ${saved}`}
        className="flex flex-col gap-3 lg:flex-row lg:items-start"
      >
        <input type="hidden" name="stageId" value={stage.id} />
        <div className="flex items-center gap-2 lg:w-28 lg:shrink-0 lg:flex-col lg:items-start lg:pt-7">
          <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
            {order ? `Stage ${order.index + 1}` : stage.kind === "won" ? "Closed · won" : "Closed · lost"}
          </span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {stage.dealCount} {stage.dealCount === 1 ? "deal" : "deals"}
          </span>
        </div>
        <fieldset className="min-w-0 flex-1">
          <legend className="sr-only">{saved}</legend>
          <StageFormFields
            form={form}
            defaults={{
              name: stage.name,
              probability: String(stage.probability),
              staleAfterDays: String(stage.staleAfterDays),
              firstStep: stage.firstStep,
            }}
            probabilityFixed={fixed}
            labelPrefix={saved}
          />
        </fieldset>
        <div className="flex flex-wrap items-center gap-1.5 lg:pt-6">
          <Button type="submit" size="sm" variant={draft.dirty ? "primary" : "secondary"} disabled={!draft.dirty} pending={form.pending}>
            Save<span className="sr-only"> {saved}</span>
          </Button>
          {order ? (
            <>
              <Button
                id={`stage-${stage.id}-up`}
                size="sm"
                variant="ghost"
                aria-label={`Move ${saved} up`}
                title="Move up"
                disabled={order.index === 0}
                onClick={() => order.onMove("up")}
                icon={<ArrowUp aria-hidden className="size-4" />}
              />
              <Button
                id={`stage-${stage.id}-down`}
                size="sm"
                variant="ghost"
                aria-label={`Move ${saved} down`}
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
              aria-label={`Remove ${saved}`}
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
