"use client";

import { LoaderCircle } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useId, useTransition } from "react";

import { Select } from "@/components/ui/select";

type OwnerFilterProps = { owners: { id: string; name: string }[]; value: string | null };

/** Managers and admins: everyone's deals, or one person's. The choice lives in the URL (?owner=), so it can be shared. */
export function OwnerFilter({ owners, value }: OwnerFilterProps) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Owner
      </label>
      <Select
        id={id}
        className="w-48"
        value={value ?? ""}
        aria-busy={pending || undefined}
        onChange={(e) => {
          const owner = e.target.value;
          startTransition(() => router.push(owner ? `${pathname}?owner=${owner}` : pathname));
        }}
      >
        <option value="">Everyone</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      {pending ? <LoaderCircle aria-hidden className="size-4 animate-spin text-zinc-500" /> : null}
    </div>
  );
}
