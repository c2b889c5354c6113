"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";

import { createOrganizationAction } from "@/actions/new-organization";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { NewOrganizationFields } from "@/components/settings/new-organization-fields";
import { regionalOptions } from "@/components/settings/org-display";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { type NewOrganizationInput, newOrganizationSchema } from "@/lib/schemas/setup";

type CreateOrganizationDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called as the browser leaves for the new org (closes the mobile drawer). */
  onNavigate?: () => void;
};

/**
 * "Create organization" from the org switcher: the creator becomes its admin and lands on its
 * Today page, where the switcher (rendered fresh by the org layout) lists it.
 */
export function CreateOrganizationDialog({ open, onOpenChange, onNavigate }: CreateOrganizationDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Create an organization"
        description="A separate pipeline, team and data. You become its admin and can invite people from its members settings."
        className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto"
      >
        <CreateOrganizationForm onDone={() => onOpenChange(false)} onNavigate={onNavigate} />
      </DialogContent>
    </Dialog>
  );
}

function CreateOrganizationForm({ onDone, onNavigate }: { onDone: () => void; onNavigate?: () => void }) {
  const router = useRouter();
  // Built in the browser, only once the dialog opens: the ~420 time zones stay out of every page's payload.
  const options = useMemo(() => regionalOptions(), []);
  const form = useActionForm({
    action: (input: NewOrganizationInput) => createOrganizationAction(input),
    schema: newOrganizationSchema,
    successToast: (org) => `${org.name} is ready. You are its admin.`,
    onSuccess: (org) => {
      onDone();
      onNavigate?.();
      router.push(`/${org.slug}/today`);
    },
  });

  return (
    <form {...form.formProps} className="space-y-5" aria-label="Create an organization">
      <FormAlert form={form} />
      <fieldset disabled={form.pending} className="contents">
        <NewOrganizationFields form={form} autoFocus {...options} />
      </fieldset>
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={onDone} disabled={form.pending}>
          Cancel
        </Button>
        <Button type="submit" pending={form.pending}>
          Create organization
        </Button>
      </div>
    </form>
  );
}
