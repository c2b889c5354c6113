"use client";

import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { revertImportAction } from "@/actions/imports";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type RevertButtonProps = { orgSlug: string; importId: string; fileName: string; created: number; updated: number; size?: "sm" | "md" };

/** One click, one confirmation: the revert is a single transaction and is refused if the deals changed since. */
export function RevertButton({ orgSlug, importId, fileName, created, updated, size = "sm" }: RevertButtonProps) {
  const router = useRouter();

  function reverted({ deleted, restored }: { deleted: number; restored: number }) {
    toast.success(`Import of “${fileName}” reverted`, {
      description: `${deleted} deal(s) deleted, ${restored} restored to their previous values.`,
    });
    router.refresh();
  }

  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="secondary"
          size={size}
          icon={<Undo2 aria-hidden className="size-4" />}
          aria-label={`Revert the import of ${fileName}`}
        >
          Revert
        </Button>
      }
      title="Revert this import?"
      description={`${created} deal(s) it created will be deleted for good, with their next actions. ${updated} deal(s) it updated get their previous values back. This cannot be undone.`}
      confirmLabel="Revert import"
      cancelLabel="Keep the import"
      errorTitle="Nothing was reverted."
      action={() => revertImportAction(orgSlug, { importId })}
      onSuccess={reverted}
    />
  );
}
