import type { Active, Announcements, Over, ScreenReaderInstructions } from "@dnd-kit/core";

import type { ClosingStage } from "./board-types";

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    "Press Enter to open the deal. To move it, press Space to pick it up, use the arrow keys to move it between stages " +
    "or down to the Won and Lost areas, press Space again to drop it, or Escape to cancel.",
};

type Context = {
  titleOf: (id: string) => string;
  stageNameOf: (id: string) => string | undefined;
  won: ClosingStage;
  lost: ClosingStage;
  wonZone: string;
  lostZone: string;
};

type SortableData = { sortable?: { containerId: string | number; index: number; items: unknown[] } };

/** Spoken updates while dragging with the keyboard (or a screen reader): deal titles and stage names, never ids. */
export function boardAnnouncements({ titleOf, stageNameOf, won, lost, wonZone, lostZone }: Context): Announcements {
  // dnd-kit's sortable data says which list a card (or the card it is over) is in, and where.
  const where = (target: Active | Over) => {
    const sortable = (target.data.current as SortableData | undefined)?.sortable;
    if (sortable)
      return `${stageNameOf(String(sortable.containerId)) ?? "a stage"}, position ${sortable.index + 1} of ${sortable.items.length}`;
    return stageNameOf(String(target.id)) ?? "a stage";
  };
  const zone = (over: Over | null) => (over?.id === wonZone ? won : over?.id === lostZone ? lost : null);
  // The first "over" of a drag is the card's own place: stay quiet so the pick-up message is heard.
  let lastOver: string | null = null;
  return {
    onDragStart: ({ active }) => {
      lastOver = String(active.id);
      return `Picked up ${titleOf(String(active.id))}. It is in ${where(active)}.`;
    },
    onDragOver: ({ active, over }) => {
      const title = titleOf(String(active.id));
      if (over && String(over.id) === lastOver) return undefined;
      lastOver = over ? String(over.id) : null;
      if (!over) return `${title} is not over a stage.`;
      const closing = zone(over);
      if (closing)
        return `${title} is over ${closing.name}. Drop it to ${closing === won ? "mark it as won" : "mark it as lost and give the reason"}.`;
      return `${title} is over ${where(over)}.`;
    },
    onDragEnd: ({ active, over }) => {
      const title = titleOf(String(active.id));
      if (!over) return `${title} was dropped outside the board and stays where it was.`;
      const closing = zone(over);
      if (closing) return `${title} was dropped on ${closing.name}.`;
      return `${title} was dropped in ${where(over)}.`;
    },
    onDragCancel: ({ active }) => `Moving ${titleOf(String(active.id))} was cancelled. It is back where it was.`,
  };
}
