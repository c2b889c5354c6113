"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteDealAction, restoreDealAction } from "@/actions/deals";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";

type DeleteDealButtonProps = { orgSlug: string; dealId: string; dealTitle: string };

/**
 * Admin-only soft delete. After deleting we leave the page (the deal is gone from every view) and
 * offer Undo in the toast, which restores it and comes back here.
 */
export function DeleteDealButton({ orgSlug, dealId, dealTitle }: DeleteDealButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function undo() {
    void restoreDealAction(orgSlug, { dealId }).then((result) => {
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`“${dealTitle}” was restored.`);
      router.push(`/${orgSlug}/deals/${dealId}`);
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteDealAction(orgSlug, { dealId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(false);
      toast.success(`“${dealTitle}” was deleted.`, { action: { label: "Undo", onClick: undo }, duration: 10_000 });
      router.push(`/${orgSlug}/deals`);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" icon={<Trash2 aria-hidden className="size-4" />}>
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Delete this deal?"
        description={`“${dealTitle}” disappears from every list, queue and report, together with its next action. You can undo right after.`}
        footer={
          <>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant="danger" pending={pending} onClick={remove}>
              Delete deal
            </Button>
          </>
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
      </DialogContent>
    </Dialog>
  );
}
