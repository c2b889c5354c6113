"use client";

import { ArrowRightLeft, ChevronDown, CircleX, Trophy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { closeDealAction, moveDealAction } from "@/actions/deals";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

import { CloseDealDialog } from "./close-deal-dialog";
import { DeleteDealButton } from "./delete-deal-button";
import type { DealOrg, LossReasonOption, StageOption } from "./types";

type DealActionsBarProps = {
  org: DealOrg;
  deal: { id: string; title: string; stageId: string; open: boolean };
  stages: StageOption[];
  lossReasons: LossReasonOption[];
  canDelete: boolean;
};

/**
 * The deal's header actions. "Move to…" lists every stage: an open stage moves at once; Won asks
 * for confirmation and Lost for a reason (same dialogs as the Won/Lost buttons).
 */
export function DealActionsBar({ org, deal, stages, lossReasons, canDelete }: DealActionsBarProps) {
  const [closing, setClosing] = useState<"won" | "lost" | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  // A menu pick of Won/Lost opens its dialog only once the menu has closed and handed focus back to
  // its trigger: opened any earlier, the menu's focus trap steals the dialog's first field's focus
  // (and closing the dialog then has nowhere sensible to return focus to).
  const closeAfterMenu = useRef<"won" | "lost" | null>(null);
  const openStages = stages.filter((s) => s.kind === "open");
  const stageName = (kind: "won" | "lost") => stages.find((s) => s.kind === kind)?.name ?? (kind === "won" ? "Won" : "Lost");

  function moveTo(stageId: string) {
    const stage = stages.find((s) => s.id === stageId);
    if (!stage || stageId === deal.stageId) return;
    if (stage.kind !== "open") {
      closeAfterMenu.current = stage.kind;
      return;
    }
    startTransition(async () => {
      const result = await moveDealAction(org.slug, { dealId: deal.id, stageId });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`Moved to ${stage.name}.`);
      // The action answers with its result only: the page (stage, probability, timeline) is read
      // again in the same transition, so "Move to…" stays pending until it shows.
      startTransition(() => router.refresh());
    });
  }

  return (
    // PageHeader keeps its actions at their natural width; capping ours at the viewport lets the
    // buttons wrap on phones instead of widening the page.
    <div className="flex max-w-[calc(100vw-2rem)] flex-wrap items-center gap-2 sm:max-w-none">
      {deal.open ? (
        <>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="secondary" pending={pending} icon={<ArrowRightLeft aria-hidden className="size-4" />}>
                Move to…
                <ChevronDown aria-hidden className="-mr-1 size-4 text-zinc-500" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent
              align="end"
              onCloseAutoFocus={() => {
                if (closeAfterMenu.current) setClosing(closeAfterMenu.current);
                closeAfterMenu.current = null;
              }}
            >
              <DropdownMenuLabel>Stage</DropdownMenuLabel>
              <DropdownMenuRadioGroup value={deal.stageId} onValueChange={moveTo}>
                {openStages.map((s) => (
                  <DropdownMenuRadioItem key={s.id} value={s.id}>
                    <span className="flex-1">{s.name}</span>
                    <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{s.probability} %</span>
                  </DropdownMenuRadioItem>
                ))}
                <DropdownMenuSeparator />
                {stages
                  .filter((s) => s.kind !== "open")
                  .map((s) => (
                    <DropdownMenuRadioItem key={s.id} value={s.id}>
                      {s.kind === "won" ? (
                        <Trophy aria-hidden className="size-4 text-emerald-600" />
                      ) : (
                        <CircleX aria-hidden className="size-4 text-red-600" />
                      )}
                      <span className="flex-1">{s.name}…</span>
                    </DropdownMenuRadioItem>
                  ))}
              </DropdownMenuRadioGroup>
            </DropdownMenuContent>
          </DropdownMenu>
          <Button
            variant="secondary"
            onClick={() => setClosing("won")}
            icon={<Trophy aria-hidden className="size-4 text-emerald-600 dark:text-emerald-400" />}
          >
            Close as won
          </Button>
          <Button
            variant="secondary"
            onClick={() => setClosing("lost")}
            icon={<CircleX aria-hidden className="size-4 text-red-600 dark:text-red-400" />}
          >
            Close as lost
          </Button>
        </>
      ) : null}
      {canDelete ? <DeleteDealButton orgSlug={org.slug} dealId={deal.id} dealTitle={deal.title} /> : null}
      <CloseDealDialog
        closing={closing && { deal, outcome: closing }}
        stageNames={{ won: stageName("won"), lost: stageName("lost") }}
        lossReasons={lossReasons}
        close={(input) => closeDealAction(org.slug, input)}
        // The action answers with its result only: the dialog closes together with the refreshed (locked) page.
        refresh
        successToast={closing === "won" ? "Deal closed as won." : "Deal closed as lost."}
        wonNote
        onDone={() => setClosing(null)}
      />
    </div>
  );
}
