import { Compass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/shell/logo";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Also what a non-member sees for another org's URL: the tenant check deliberately makes
 * "not yours" and "does not exist" look the same.
 */
export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12 text-center dark:bg-zinc-950">
      <Logo className="mb-10" />
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600 dark:bg-brand-950 dark:text-brand-300">
        <Compass aria-hidden className="size-6" />
      </div>
      <p className="text-sm font-medium text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">We could not find that page</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        The link may be out of date, or the page belongs to an organization you are not a member of.
      </p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
        Back to Momentum
      </Link>
    </main>
  );
}
