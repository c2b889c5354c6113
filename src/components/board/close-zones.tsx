"use client";

import { useDroppable } from "@dnd-kit/core";
import { clsx } from "clsx";
import { ThumbsDown, Trophy } from "lucide-react";

import type { ClosingStage } from "./board-types";

export const WON_ZONE = "zone:won";
export const LOST_ZONE = "zone:lost";

export function isZone(id: unknown): id is typeof WON_ZONE | typeof LOST_ZONE {
  return id === WON_ZONE || id === LOST_ZONE;
}

/** The Won and Lost drop targets: a bar along the bottom of the screen, shown only while dragging. */
export function CloseZones({ won, lost }: { won: ClosingStage; lost: ClosingStage }) {
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-40 px-4 pb-4 lg:left-64 lg:px-10">
      <div className="mx-auto grid max-w-5xl grid-cols-2 gap-3">
        <Zone id={WON_ZONE} label={won.name} hint="Drop to mark as won" tone="won" />
        <Zone id={LOST_ZONE} label={lost.name} hint="Drop, then give the reason" tone="lost" />
      </div>
    </div>
  );
}

function Zone({ id, label, hint, tone }: { id: string; label: string; hint: string; tone: "won" | "lost" }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  const Icon = tone === "won" ? Trophy : ThumbsDown;
  return (
    <div
      ref={setNodeRef}
      data-testid={tone === "won" ? "drop-won" : "drop-lost"}
      className={clsx(
        "pointer-events-auto flex h-20 items-center justify-center gap-3 rounded-xl border-2 border-dashed text-sm font-semibold shadow-lg backdrop-blur animate-pop-in",
        tone === "won"
          ? "border-emerald-400 bg-emerald-50/95 text-emerald-800 dark:border-emerald-700 dark:bg-emerald-950/90 dark:text-emerald-200"
          : "border-red-400 bg-red-50/95 text-red-800 dark:border-red-700 dark:bg-red-950/90 dark:text-red-200",
        isOver &&
          (tone === "won"
            ? "scale-[1.02] border-solid bg-emerald-100 dark:bg-emerald-900"
            : "scale-[1.02] border-solid bg-red-100 dark:bg-red-900"),
      )}
    >
      <Icon aria-hidden className="size-5" />
      <span className="flex flex-col leading-tight">
        <span>{label}</span>
        <span className="text-xs font-normal opacity-80">{hint}</span>
      </span>
    </div>
  );
}
