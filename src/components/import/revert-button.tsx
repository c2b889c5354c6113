"use client";

import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { revertImportAction } from "@/actions/imports";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";

type RevertButtonProps = { orgSlug: string; importId: string; fileName: string; created: number; updated: number; size?: "sm" | "md" };

/** One click, one confirmation: the revert is a single transaction and is refused if the deals changed since. */
export function RevertButton({ orgSlug, importId, fileName, created, updated, size = "sm" }: RevertButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revert() {
    setError(null);
    startTransition(async () => {
      const result = await revertImportAction(orgSlug, { importId }).catch(() => null);
      if (!result) return setError("Could not reach the server. Check your connection and try again.");
      if (!result.ok) return setError(result.message);
      setOpen(false);
      toast.success(`Import of “${fileName}” reverted`, {
        description: `${result.data.deleted} deal(s) deleted, ${result.data.restored} restored to their previous values.`,
      });
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size={size} icon={<Undo2 aria-hidden className="size-4" />} aria-label={`Revert the import of ${fileName}`}>
          Revert
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Revert this import?"
        description={`${created} deal(s) it created will be deleted for good, with their next actions. ${updated} deal(s) it updated get their previous values back. This cannot be undone.`}
        footer={
          <>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Keep the import
              </Button>
            </DialogClose>
            <Button variant="danger" pending={pending} onClick={revert}>
              Revert import
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="error" title="Nothing was reverted.">
            {error}
          </Alert>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
