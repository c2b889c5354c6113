import type { ReactNode } from "react";

import { Logo } from "@/components/shell/logo";

/** Sign-in and invitation pages: one calm centred column, no app chrome. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50 dark:bg-zinc-950">
      <main className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex justify-center">
            <Logo />
          </div>
          {children}
        </div>
      </main>
      <footer className="pb-6 text-center text-xs text-zinc-500 dark:text-zinc-400">
        Momentum: the open-source sales CRM where no open deal is ever without a next step.
      </footer>
    </div>
  );
}
