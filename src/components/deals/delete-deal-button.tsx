"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { deleteDealAction, restoreDealAction } from "@/actions/deals";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type DeleteDealButtonProps = { orgSlug: string; dealId: string; dealTitle: string };

/**
 * Admin-only soft delete. After deleting we leave the page (the deal is gone from every view) and
 * offer Undo in the toast, which restores it and comes back here. Neither action re-renders a page
 * in its response: each navigates to a dynamic page, which the navigation reads fresh.
 */
export function DeleteDealButton({ orgSlug, dealId, dealTitle }: DeleteDealButtonProps) {
  const router = useRouter();

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

  function deleted() {
    toast.success(`“${dealTitle}” was deleted.`, { action: { label: "Undo", onClick: undo }, duration: 10_000 });
    router.push(`/${orgSlug}/deals`);
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" icon={<Trash2 aria-hidden className="size-4" />}>
          Delete
        </Button>
      }
      title="Delete this deal?"
      description={`“${dealTitle}” disappears from every list, queue and report, together with its next action. You can undo right after.`}
      confirmLabel="Delete deal"
      action={() => deleteDealAction(orgSlug, { dealId })}
      onSuccess={deleted}
    />
  );
}
