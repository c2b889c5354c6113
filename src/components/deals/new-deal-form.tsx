"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { createDealAction } from "@/actions/deals";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFormDraft } from "@/components/forms/use-form-draft";
import { useDueChoice } from "@/components/next-steps/use-due-choice";
import { Button, buttonClasses } from "@/components/ui/button";
import { type CreateDealInput, createDealSchema } from "@/lib/schemas/deals";

import { NewDealFields, type Person } from "./new-deal-fields";
import { NewDealNextAction } from "./new-deal-next-action";

type NewDealFormProps = {
  orgSlug: string;
  org: { currency: string; locale: string; timeZone: string };
  stages: { id: string; name: string; probability: number }[];
  owners: Person[] | null;
  me: Person;
  sectors: string[];
};

type Typed = { value?: string; stageId?: string; ownerId?: string };

export function NewDealForm({ orgSlug, org, stages, owners, me, sectors }: NewDealFormProps) {
  const router = useRouter();
  // After success the page navigates away: the form stays busy until it has.
  const [leaving, setLeaving] = useState(false);
  const form = useActionForm({
    action: (input: CreateDealInput) => createDealAction(orgSlug, input),
    schema: createDealSchema,
    // The inputs carry the schema's names; typed values (probability, the picked due time) are set here.
    toInput: (values) => {
      const v = values as Record<string, string> & { firstAction: { type: string; details: string } };
      return {
        ...v,
        ownerId: owners ? v.ownerId : null,
        probability: v.probability?.trim() ? Number(v.probability) : null,
        expectedCloseDate: v.expectedCloseDate || null,
        firstAction: { ...v.firstAction, dueAt: due.resolve() },
      } as CreateDealInput;
    },
    successToast: (_data, input) => ({
      title: `Deal “${input.title.trim()}” created`,
      description: `Next: ${input.firstAction.details.trim()}`,
    }),
    onSuccess: (data) => {
      setLeaving(true);
      router.push(`/${orgSlug}/deals/${data.dealId}`);
    },
  });
  const due = useDueChoice(org.timeZone, () => form.clearError("firstAction.dueAt"));
  const draft = useFormDraft(form.formProps.ref);
  const typed = (draft.values ?? {}) as Typed;
  const owner = owners?.find((o) => o.id === typed.ownerId) ?? me;
  const busy = form.pending || leaving;

  return (
    <form {...form.formProps} onChange={draft.onChange} aria-label="New deal" className="space-y-6">
      <FormAlert form={form} title="The deal was not created." />
      <NewDealFields form={form} org={org} stages={stages} owners={owners} me={me} sectors={sectors} typed={typed} disabled={busy} />
      <NewDealNextAction
        form={form}
        due={due}
        ownerLabel={owner.id === me.id ? "your" : `${owner.name}'s`}
        timeZone={org.timeZone}
        locale={org.locale}
        disabled={busy}
      />
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Link href={`/${orgSlug}/deals`} className={buttonClasses("ghost")}>
          Cancel
        </Link>
        <Button type="submit" pending={busy} icon={<Plus aria-hidden className="size-4" />}>
          Create deal
        </Button>
      </div>
    </form>
  );
}
