"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Between 30 and 60 s: fresh enough for a dashboard, light on the server. */
export const REFRESH_INTERVAL_MS = 45_000;

/**
 * A light poll until real-time updates land: re-renders the server components every
 * REFRESH_INTERVAL_MS while the tab is visible, pauses while it is hidden, and refreshes at once
 * when the tab comes back after a longer absence.
 */
export function AutoRefresh({ intervalMs = REFRESH_INTERVAL_MS }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    let timer: ReturnType<typeof setInterval> | null = null;
    const refresh = () => {
      last = Date.now();
      router.refresh();
    };
    const start = () => {
      if (timer === null) timer = setInterval(refresh, intervalMs);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        if (Date.now() - last >= intervalMs) refresh();
        start();
      } else {
        stop();
      }
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router, intervalMs]);
  return null;
}
