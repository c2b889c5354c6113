"use client";

import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { reorderStagesAction } from "@/actions/pipeline";
import { Card, CardHeader } from "@/components/ui/card";

import { AddStageForm } from "./add-stage-form";
import { RemoveStageDialog } from "./remove-stage-dialog";
import { StageRow } from "./stage-row";
import type { StageView } from "./types";

type StageEditorProps = { orgSlug: string; openStages: StageView[]; closingStages: StageView[] };

type Direction = "up" | "down";

/** The admin's pipeline editor: open stages (edit, reorder, remove, add), then Won and Lost (rename, stale days). */
export function StageEditor({ orgSlug, openStages, closingStages }: StageEditorProps) {
  const [stages, applyOrder] = useOptimistic(openStages, (current: StageView[], ids: string[]) =>
    ids.flatMap((id) => current.find((s) => s.id === id) ?? []),
  );
  const [reordering, startTransition] = useTransition();
  const [removing, setRemoving] = useState<StageView | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // Moving a row can move its DOM node, which drops focus: put it back on the button that was used.
  const focusAfterMove = useRef<{ id: string; direction: Direction } | null>(null);

  useEffect(() => {
    const request = focusAfterMove.current;
    if (!request) return;
    focusAfterMove.current = null;
    const other: Direction = request.direction === "up" ? "down" : "up";
    const button = document.getElementById(`stage-${request.id}-${request.direction}`) as HTMLButtonElement | null;
    (button && !button.disabled ? button : document.getElementById(`stage-${request.id}-${other}`))?.focus();
  }, [stages]);

  function move(index: number, direction: Direction) {
    const target = direction === "up" ? index - 1 : index + 1;
    const stage = stages[index];
    if (reordering || !stage || target < 0 || target >= stages.length) return;
    const ids = stages.map((s) => s.id);
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    focusAfterMove.current = { id: stage.id, direction };
    setAnnouncement(`${stage.name} moved to position ${target + 1} of ${ids.length}.`);
    startTransition(async () => {
      applyOrder(ids);
      const result = await reorderStagesAction(orgSlug, { stageIds: ids });
      if (!result.ok) {
        toast.error(result.message);
        setAnnouncement(`${stage.name} was not moved. ${result.message}`);
      }
    });
  }

  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <Card>
        <CardHeader
          title="Open stages"
          description="Deals move through these in order. Entering a stage sets the deal's probability, and so its weighted value."
        />
        <ul aria-label="Open stages">
          {stages.map((stage, index) => (
            <StageRow
              key={stage.id}
              orgSlug={orgSlug}
              stage={stage}
              order={{ index, total: stages.length, onMove: (direction) => move(index, direction) }}
              onRemove={() => setRemoving(stage)}
            />
          ))}
        </ul>
        <div className="rounded-b-xl border-t border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900">
          <AddStageForm orgSlug={orgSlug} />
        </div>
      </Card>
      <Card>
        <CardHeader title="Closed stages" description="Won is always 100 % and Lost 0 %. Rename them to match how your team talks." />
        <ul aria-label="Closed stages">
          {closingStages.map((stage) => (
            <StageRow key={stage.id} orgSlug={orgSlug} stage={stage} />
          ))}
        </ul>
      </Card>
      <RemoveStageDialog
        orgSlug={orgSlug}
        stage={removing}
        onClose={(removed) => {
          setRemoving(null);
          // The row and its Remove button are gone, so the dialog cannot return focus there.
          if (removed)
            window.setTimeout(() => document.querySelector<HTMLElement>('[aria-label="Open stages"] input[name="name"]')?.focus(), 50);
        }}
      />
    </div>
  );
}
