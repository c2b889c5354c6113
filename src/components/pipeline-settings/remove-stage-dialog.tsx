"use client";

import { removeStageAction } from "@/actions/pipeline";
import { useActionForm } from "@/components/forms/use-action-form";
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
  const form = useActionForm({
    action: (input: { stageId: string }) => removeStageAction(orgSlug, input),
    successToast: `Removed “${stage.name}”`,
    // The refusal is shown in the dialog, where the admin is looking.
    failureToast: false,
    onSuccess: () => onClose(true),
  });
  const refused = form.message;

  return (
    <DialogContent
      title={`Remove “${stage.name}”?`}
      description="Only a stage that no deal is in, or has ever been in, can be removed. Otherwise, rename it."
      footer={
        // The footer is the form: a hidden stage id and the Remove button, laid out as the footer's own row.
        <form {...form.formProps} className="contents">
          <input type="hidden" name="stageId" value={stage.id} />
          {/* Remounted with focus when the refusal replaces the Remove button, so focus is not lost. */}
          <Button key={refused ? "close" : "cancel"} autoFocus={refused !== null} variant="secondary" onClick={() => onClose(false)}>
            {refused ? "Close" : "Cancel"}
          </Button>
          {refused ? null : (
            <Button type="submit" variant="danger" pending={form.pending}>
              Remove stage
            </Button>
          )}
        </form>
      }
    >
      {refused ? (
        <Alert tone="error" title="This stage cannot be removed">
          {refused}
        </Alert>
      ) : stage.dealCount > 0 ? (
        <Alert tone="info" live={false}>
          {stage.dealCount} {stage.dealCount === 1 ? "deal is" : "deals are"} in this stage now.
        </Alert>
      ) : null}
    </DialogContent>
  );
}
