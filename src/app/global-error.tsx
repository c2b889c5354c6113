"use client";

import "./globals.css";

import { useEffect } from "react";

import { THEME_STORAGE_KEY } from "@/components/theme/theme-script";

type GlobalErrorProps = { error: unknown; reset: () => void; retry?: () => void };

/**
 * Replaces the root layout when it fails, so it brings its own <html>, styles and theme: the
 * head script of the root layout never ran for this document.
 */
export default function GlobalError({ error, reset, retry }: GlobalErrorProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    console.error(error);
    let choice: string | null = null;
    try {
      choice = localStorage.getItem(THEME_STORAGE_KEY);
    } catch {
      // No storage: follow the OS.
    }
    const dark = choice === "dark" || (choice !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  }, [error]);

  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <title>Something went wrong · Momentum</title>
        <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 text-center dark:bg-zinc-950">
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Something went wrong</h1>
          <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Momentum could not load. Nothing you saved is lost. Try again, or reload the page in a moment.
          </p>
          {digest ? <p className="mt-3 font-mono text-xs text-zinc-500 dark:text-zinc-400">Reference: {digest}</p> : null}
          <div className="mt-6 flex gap-3">
            <button
              type="button"
              onClick={() => (retry ?? reset)()}
              className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700"
            >
              Try again
            </button>
            {/* A plain anchor: the client router may be the thing that broke. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload is the point here */}
            <a
              href="/"
              className="inline-flex h-9 items-center rounded-md border border-zinc-300 px-3.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
            >
              Go home
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
