"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";

import { removeStageAction } from "@/actions/pipeline";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

import type { StageView } from "./types";

type RemoveStageDialogProps = { orgSlug: string; stage: StageView | null; onClose: (removed: boolean) => void };

/**
 * Confirms removing an open stage. The server refuses when deals are in it or have passed through
 * it (reports still need it); the refusal is shown here, in the dialog, where the admin is looking.
 */
export function RemoveStageDialog({ orgSlug, stage, onClose }: RemoveStageDialogProps) {
  return (
    <Dialog open={stage !== null} onOpenChange={(open) => (open ? undefined : onClose(false))}>
      {stage ? <RemoveStageContent key={stage.id} orgSlug={orgSlug} stage={stage} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RemoveStageContent({ orgSlug, stage, onClose }: { orgSlug: string; stage: StageView; onClose: (removed: boolean) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await removeStageAction(orgSlug, { stageId: stage.id });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(`Removed “${stage.name}”`);
      onClose(true);
    });
  }

  return (
    <DialogContent
      title={`Remove “${stage.name}”?`}
      description="Only a stage that no deal is in, or has ever been in, can be removed. Otherwise, rename it."
      footer={
        <>
          {/* Remounted with focus when the refusal replaces the Remove button, so focus is not lost. */}
          <Button key={error ? "close" : "cancel"} autoFocus={error !== null} variant="secondary" onClick={() => onClose(false)}>
            {error ? "Close" : "Cancel"}
          </Button>
          {error ? null : (
            <Button variant="danger" pending={pending} onClick={remove}>
              Remove stage
            </Button>
          )}
        </>
      }
    >
      {error ? (
        <Alert tone="error" title="This stage cannot be removed">
          {error}
        </Alert>
      ) : stage.dealCount > 0 ? (
        <Alert tone="info" live={false}>
          {stage.dealCount} {stage.dealCount === 1 ? "deal is" : "deals are"} in this stage now.
        </Alert>
      ) : null}
    </DialogContent>
  );
}
