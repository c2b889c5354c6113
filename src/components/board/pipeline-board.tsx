"use client";

import {
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useRouter } from "next/navigation";
import { useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { moveDealAction } from "@/actions/deals";
import { CloseDealDialog } from "@/components/deals/close-deal-dialog";
import type { LossReasonOption } from "@/components/deals/types";
import { type ActionResult, ok } from "@/lib/result";
import type { CloseDealInput } from "@/lib/schemas/deals";

import { boardAnnouncements, screenReaderInstructions } from "./announcements";
import { createBoardCollisions } from "./board-collisions";
import { BoardColumn } from "./board-column";
import { BoardIconSprite } from "./board-icons";
import { applyChange, type BoardChange, cardLocation, dropInto, itemsOf, moveAcross, neighboursOf } from "./board-state";
import type { CardView, ClosingStage, ColumnView, Items } from "./board-types";
import { CloseZones, isZone, LOST_ZONE, WON_ZONE } from "./close-zones";
import { DealCardBody } from "./deal-card";
import { createRefreshBatch } from "./refresh-batch";

type PipelineBoardProps = {
  orgSlug: string;
  locale: string;
  columns: ColumnView[];
  won: ClosingStage;
  lost: ClosingStage;
  lossReasons: LossReasonOption[];
};

export function PipelineBoard({ orgSlug, locale, columns, won, lost, lossReasons }: PipelineBoardProps) {
  // Moves show at once, counts and totals included (applyChange). The action answers with its
  // result only, not a re-rendered board: a saved move keeps its optimistic state while the board
  // is read again in the background (router.refresh() joins the move's transition), and the
  // server's board replaces it when that lands. A failed move simply ends its transition: React
  // drops the optimistic state and the old board shows again — the rollback.
  const [board, applyOptimistic] = useOptimistic(columns, (state: ColumnView[], change: BoardChange) => applyChange(state, change, locale));
  const [, startTransition] = useTransition();
  const router = useRouter();
  // Overlapping drags share one refresh, sent when the last of them has its answer.
  const [refreshes] = useState(() => createRefreshBatch(() => startTransition(() => router.refresh())));
  const [items, setItems] = useState<Items | null>(null);
  const itemsRef = useRef<Items | null>(null);
  const originRef = useRef<Items | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // A drop on Won or Lost waits for the close dialog.
  const [pendingClose, setPendingClose] = useState<{ card: CardView; outcome: "won" | "lost" } | null>(null);

  const [collisions] = useState(createBoardCollisions);
  const cardsById = useMemo(() => new Map(board.flatMap((c) => c.cards.map((card) => [card.id, card] as const))), [board]);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // Touch: press and hold to pick up, so that swiping still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    // Space only: Enter keeps opening the deal, as on any link.
    useSensor(KeyboardSensor, {
      coordinateGetter: collisions.coordinateGetter,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const announcements = useMemo(() => {
    const names = new Map(board.map((c) => [c.id, c.name]));
    return boardAnnouncements({
      titleOf: (id) => cardsById.get(id)?.title ?? "The deal",
      stageNameOf: (id) => names.get(id),
      won,
      lost,
      wonZone: WON_ZONE,
      lostZone: LOST_ZONE,
    });
  }, [board, cardsById, won, lost]);

  function handleDragStart({ active }: DragStartEvent) {
    collisions.reset();
    const snapshot = itemsOf(board);
    originRef.current = snapshot;
    itemsRef.current = snapshot;
    setItems(snapshot);
    setActiveId(String(active.id));
  }

  function handleDragOver({ active, over }: DragOverEvent) {
    const current = itemsRef.current;
    if (!over || !current) return;
    if (isZone(over.id)) {
      // Over Won/Lost the card's placeholder goes back home, not into the last column it crossed.
      if (originRef.current && current !== originRef.current) {
        itemsRef.current = originRef.current;
        setItems(originRef.current);
      }
      return;
    }
    const rect = active.rect.current.translated;
    const below = !!rect && rect.top > over.rect.top + over.rect.height / 2;
    const next = moveAcross(current, String(active.id), String(over.id), below);
    if (next !== current) {
      collisions.movedAcross();
      itemsRef.current = next;
      setItems(next);
    }
  }

  function handleDragEnd({ active, over }: DragEndEvent) {
    const dealId = String(active.id);
    const current = itemsRef.current;
    const card = cardsById.get(dealId);
    collisions.reset();
    setActiveId(null);
    setItems(null);
    itemsRef.current = null;
    if (!over || !current || !card) return;
    if (isZone(over.id)) {
      setPendingClose({ card, outcome: over.id === WON_ZONE ? "won" : "lost" });
      return;
    }
    const drop = dropInto(current, dealId, String(over.id));
    if (!drop) return;
    const from = cardLocation(board, dealId);
    if (from?.columnId === drop.columnId && from.index === drop.ids.indexOf(dealId)) return;
    move(card, drop.columnId, drop.ids);
  }

  function handleDragCancel() {
    collisions.reset();
    itemsRef.current = null;
    setActiveId(null);
    setItems(null);
  }

  function move(card: CardView, toColumnId: string, ids: string[]) {
    const target = board.find((c) => c.id === toColumnId);
    if (!target) return;
    const { beforeId, afterId } = neighboursOf(ids, card.id, target.nextHiddenId);
    refreshes.start();
    startTransition(async () => {
      applyOptimistic({ type: "move", dealId: card.id, toColumnId, index: ids.indexOf(card.id) });
      const result = await send(() => moveDealAction(orgSlug, { dealId: card.id, stageId: toColumnId, beforeId, afterId }));
      if (!result.ok) toast.error(`“${card.title}” was not moved: ${result.message}`);
      refreshes.settle(boardChanged(result));
    });
  }

  /** The dialog's close: the card leaves at once and the move runs behind it, so the dialog is answered at once. */
  function close(card: CardView, details: CloseDealInput) {
    const stage = details.outcome === "won" ? won : lost;
    setPendingClose(null);
    focusAfterRemoval(card.id);
    refreshes.start();
    startTransition(async () => {
      applyOptimistic({ type: "remove", dealId: card.id });
      const result = await send(() =>
        moveDealAction(orgSlug, {
          dealId: card.id,
          stageId: stage.id,
          lossReasonId: details.outcome === "lost" ? details.lossReasonId : null,
          lossNote: details.outcome === "lost" ? details.lossNote : null,
        }),
      );
      if (result.ok) toast.success(`“${card.title}” closed as ${stage.name}.`);
      else toast.error(`“${card.title}” was not closed: ${result.message}`);
      refreshes.settle(boardChanged(result));
    });
    return Promise.resolve(ok(null));
  }

  const activeCard = activeId ? cardsById.get(activeId) : undefined;
  return (
    <DndContext
      id="pipeline-board"
      sensors={sensors}
      collisionDetection={collisions.collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={handleDragStart}
      onDragOver={handleDragOver}
      onDragEnd={handleDragEnd}
      onDragCancel={handleDragCancel}
    >
      {/* relative: the sr-only texts in the columns are absolutely positioned; without a positioned
          ancestor they escape this scroller's clipping and widen the whole page on phones. */}
      <div className="relative -mx-4 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6 lg:mx-0 lg:px-0">
        <div className="grid auto-cols-[minmax(15rem,1fr)] grid-flow-col items-start gap-3 lg:items-stretch">
          {board.map((column) => (
            <BoardColumn
              key={column.id}
              orgSlug={orgSlug}
              locale={locale}
              column={column}
              cards={items ? (items[column.id] ?? []).flatMap((id) => cardsById.get(id) ?? []) : column.cards}
            />
          ))}
        </div>
      </div>
      {activeId ? <CloseZones won={won} lost={lost} /> : null}
      <DragOverlay>
        {activeCard ? <DealCardBody card={activeCard} staleAfterDays={staleAfterDaysOf(board, activeCard.id)} lifted /> : null}
      </DragOverlay>
      <BoardIconSprite />
      <CloseDealDialog
        closing={pendingClose && { deal: pendingClose.card, outcome: pendingClose.outcome }}
        stageNames={{ won: won.name, lost: lost.name }}
        lossReasons={lossReasons}
        close={(input) => close(pendingClose!.card, input)}
        onDone={(closed) => {
          if (closed) return;
          const dealId = pendingClose?.card.id;
          setPendingClose(null);
          // The dialog opened from a drop, not from a button, so it has nowhere to return focus: the card takes it back.
          window.setTimeout(() => document.querySelector<HTMLElement>(`[data-deal-id="${dealId}"]`)?.focus(), 50);
        }}
      />
    </DndContext>
  );
}

/**
 * The action's own failures come back as results; a lost connection throws. Either way the optimistic
 * change is dropped when the transition ends, and the user is told, instead of an error page.
 */
async function send<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, code: "INTERNAL", message: "The connection failed. Nothing was saved; please try again." };
  }
}

/**
 * Whether the server's board differs from what was shown before the change: it was saved, or it
 * was refused because the deal changed meanwhile (closed or deleted by someone else), so the card
 * shown is out of date. Other refusals (validation, permission, a lost connection) changed nothing.
 */
function boardChanged(result: ActionResult<unknown>): boolean {
  return result.ok || result.code === "CONFLICT" || result.code === "NOT_FOUND";
}

function staleAfterDaysOf(columns: ColumnView[], dealId: string): number {
  return columns.find((c) => c.cards.some((card) => card.id === dealId))?.staleAfterDays ?? 10;
}

/**
 * The closed card leaves the board, so the dialog cannot hand focus back to it: move focus to the
 * next card in its column (or the column's heading) once the dialog has finished closing.
 */
function focusAfterRemoval(dealId: string) {
  const cardLink = document.querySelector<HTMLElement>(`[data-deal-id="${dealId}"]`);
  const item = cardLink?.closest("li");
  const next = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>("[data-deal-id]");
  const heading = cardLink?.closest("section")?.querySelector<HTMLElement>("h2");
  window.setTimeout(() => {
    if (next?.isConnected) next.focus();
    else if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, 50);
}
