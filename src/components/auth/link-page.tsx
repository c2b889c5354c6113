import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";

/** The title and the line under it above the form of a one-time link's page (setup, invitation, reset). */
export function LinkPageHeading({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}

/** What an expired, used or unknown one-time link shows instead of its form: why, and the way to sign in. */
export function DeadLinkCard({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <Card>
      <CardBody className="space-y-4 p-6 text-center">
        <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
          <Icon aria-hidden className="size-5" />
        </div>
        <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">{title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
        <Link href="/login" className={buttonClasses("secondary", "md", "w-full")}>
          Go to sign in
        </Link>
      </CardBody>
    </Card>
  );
}
