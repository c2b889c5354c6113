"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { Card, CardBody, CardHeader } from "@/components/ui/card";

type ImportProgressProps = { status: "queued" | "running"; processed: number; total: number; locale: string };

const POLL_MS = 1000;

/**
 * The job runs in the background; this page re-reads the import's row every second (a server
 * render, no API) until it is done, then the page shows the result instead of this component.
 */
export function ImportProgress({ status, processed, total, locale }: ImportProgressProps) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [router]);

  const n = new Intl.NumberFormat(locale);
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  const finishing = status === "running" && processed >= total;
  const label =
    status === "queued"
      ? "Waiting for the import worker…"
      : finishing
        ? "Checking every deal has its next action and saving…"
        : `${n.format(processed)} of ${n.format(total)} rows`;

  return (
    <Card>
      <CardHeader
        title={status === "queued" ? "Import queued" : "Importing"}
        description="You can leave this page: the import continues, and its result appears in the import history."
      />
      <CardBody className="space-y-3">
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={processed}
          aria-valuetext={label}
          className="h-3 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className="h-full rounded-full bg-brand-600 transition-[width] duration-500 dark:bg-brand-500"
            style={{ width: `${finishing ? 100 : percent}%` }}
          />
        </div>
        <p className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <LoaderCircle aria-hidden className="size-4 animate-spin text-brand-600 dark:text-brand-400" />
          <span>{label}</span>
          {status === "running" && !finishing ? (
            <span className="ml-auto tabular-nums text-zinc-500 dark:text-zinc-400">{percent} %</span>
          ) : null}
        </p>
      </CardBody>
    </Card>
  );
}
