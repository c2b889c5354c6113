"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";

import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

type RepFilterProps = {
  orgSlug: string;
  members: { id: string; name: string; isYou: boolean }[];
  /** The selected member, or "" for everyone. */
  value: string;
};

/** Managers and admins pick whose queue to see; the choice lives in the URL (?rep=) so it can be shared and reloaded. */
export function RepFilter({ orgSlug, members, value }: RepFilterProps) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="whitespace-nowrap">
        Show
      </Label>
      <Select
        id={id}
        value={value}
        aria-busy={pending || undefined}
        className="w-56 max-w-[60vw]"
        onChange={(e) => {
          const rep = e.target.value;
          startTransition(() => router.push(`/${orgSlug}/today${rep ? `?rep=${encodeURIComponent(rep)}` : ""}`));
        }}
      >
        <option value="">Everyone</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.isYou ? `${m.name} (you)` : m.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
