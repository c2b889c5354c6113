"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import { useEffect } from "react";

import { Button } from "@/components/ui/button";

type ErrorProps = { error: unknown; reset: () => void; retry?: () => void };

/**
 * Catches errors in org pages while keeping the shell (sidebar, switcher) usable. Server errors
 * reach the browser without their message in production, so we show the digest for support.
 */
export default function OrgError({ error, reset, retry }: ErrorProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  // Next 16 also passes retry(), which refetches the server data before resetting the boundary;
  // reset() alone would re-render the same failed payload for a server-side error.
  const tryAgain = retry ?? reset;

  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600 dark:bg-red-950 dark:text-red-400">
        <TriangleAlert aria-hidden className="size-6" />
      </div>
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">Something went wrong</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page could not be loaded. Nothing you saved is lost; try again, and if it keeps happening, share the reference below with your
        admin.
      </p>
      {digest ? <p className="mt-3 font-mono text-xs text-zinc-500 dark:text-zinc-400">Reference: {digest}</p> : null}
      <Button className="mt-6" variant="secondary" icon={<RotateCcw aria-hidden className="size-4" />} onClick={() => tryAgain()}>
        Try again
      </Button>
    </div>
  );
}
