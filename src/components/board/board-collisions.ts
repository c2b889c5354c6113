import {
  closestCenter,
  type CollisionDetection,
  type DroppableContainer,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  pointerWithin,
  rectIntersection,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";

import { isZone, LOST_ZONE, WON_ZONE } from "./close-zones";

type SortableData = { sortable?: { containerId: UniqueIdentifier; index: number; items: unknown[] } };

const sortableOf = (container: DroppableContainer | undefined) => (container?.data.current as SortableData | undefined)?.sortable;

/**
 * How the board decides where a dragged card is, for the pointer and the keyboard alike.
 *
 * Pointer: the Won/Lost bar wins when the pointer is over it; otherwise the card (or column) under
 * the pointer. Going by the pointer, not by the dragged card's box, keeps a card from oscillating
 * between two columns as the layout shifts when it changes column.
 * Keyboard: the arrows move between cards and stages as dnd-kit's sortable getter does, but the
 * bar is reached deliberately: ArrowDown past the last card of a column selects the nearer of Won
 * and Lost, Left/Right switch between them, ArrowUp goes back to the cards. The selection is kept
 * here rather than read from geometry because the bar is fixed over the bottom of the screen: the
 * keyboard sensor may scroll the page instead of moving the card there, and a card lower down a
 * long column would otherwise look "closer" than the bar (or sit underneath it).
 */
export function createBoardCollisions() {
  let keyboardZone: UniqueIdentifier | null = null;
  // Where the card was before it went to the bar: ArrowUp returns there.
  let cameFrom: UniqueIdentifier | null = null;

  const coordinateGetter: KeyboardCoordinateGetter = (event, args) => {
    const { active, over, droppableRects, droppableContainers, collisionRect } = args.context;
    const zoneAt = (id: UniqueIdentifier) => {
      const rect = droppableRects.get(id);
      if (!rect) return undefined;
      event.preventDefault();
      keyboardZone = id;
      return { x: rect.left, y: rect.top };
    };

    if (keyboardZone !== null) {
      if (event.code === KeyboardCode.Left) return zoneAt(WON_ZONE);
      if (event.code === KeyboardCode.Right) return zoneAt(LOST_ZONE);
      if (event.code === KeyboardCode.Down) {
        event.preventDefault();
        return undefined;
      }
      keyboardZone = null; // ArrowUp: back to the cards, where the card came from
      const back = cameFrom !== null ? droppableRects.get(cameFrom) : undefined;
      if (event.code === KeyboardCode.Up && back) {
        event.preventDefault();
        return { x: back.left, y: back.top };
      }
    } else if (event.code === KeyboardCode.Down && active && collisionRect) {
      const sortable = (over?.data.current as SortableData | undefined)?.sortable;
      const atEnd = !sortable || sortable.index >= sortable.items.length - 1;
      const won = droppableRects.get(WON_ZONE);
      const lost = droppableRects.get(LOST_ZONE);
      if (atEnd && won && lost) {
        cameFrom = over?.id ?? null;
        const centre = collisionRect.left + collisionRect.width / 2;
        const distance = (r: typeof won) => Math.abs(r.left + r.width / 2 - centre);
        return zoneAt(distance(won) <= distance(lost) ? WON_ZONE : LOST_ZONE);
      }
    }

    // Everything else: dnd-kit's sortable getter, blind to the bar.
    const all = droppableContainers;
    const withoutZones = {
      getEnabled: () => all.getEnabled().filter((c: DroppableContainer) => !isZone(c.id)),
      get: (id: UniqueIdentifier) => all.get(id),
    } as unknown as typeof all;
    return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: withoutZones } });
  };

  // The last target, kept when the pointer is between droppables, so the card does not jump around.
  let lastOverId: UniqueIdentifier | null = null;
  // Just after a card changed column the layout shifts under the pointer; stay put for a frame
  // instead of bouncing it back (the loop dnd-kit's multi-container example guards against).
  let movedAcross = false;

  const collisionDetection: CollisionDetection = (args) => {
    const zones = args.droppableContainers.filter((c) => isZone(c.id));
    const others = args.droppableContainers.filter((c) => !isZone(c.id));
    let hits;
    if (args.pointerCoordinates) {
      const zoneHit = pointerWithin({ ...args, droppableContainers: zones });
      if (zoneHit.length) return zoneHit.slice(0, 1);
      hits = pointerWithin({ ...args, droppableContainers: others });
    } else {
      if (keyboardZone !== null) {
        const zone = zones.find((z) => z.id === keyboardZone);
        if (zone) return [{ id: zone.id, data: { droppableContainer: zone, value: 0 } }];
      }
      hits = rectIntersection({ ...args, droppableContainers: others });
    }
    // A card under the pointer beats the column around it; over a column's empty space, the
    // nearest of its cards (or the column itself when it has none).
    const card = hits.find((h) => sortableOf(h.data?.droppableContainer))?.id;
    let overId: UniqueIdentifier | undefined = card ?? hits[0]?.id;
    if (overId !== undefined && card === undefined) {
      const inColumn = others.filter((c) => sortableOf(c)?.containerId === overId);
      if (inColumn.length) overId = closestCenter({ ...args, droppableContainers: inColumn })[0]?.id ?? overId;
    }
    if (overId !== undefined) {
      lastOverId = overId;
      return [{ id: overId }];
    }
    if (movedAcross) lastOverId = args.active.id;
    return lastOverId !== null ? [{ id: lastOverId }] : [];
  };

  return {
    coordinateGetter,
    collisionDetection,
    /** Called when a drag starts or ends, so a new keyboard drag starts among the cards. */
    /** Called by onDragOver when the card has just been moved into another column. */
    movedAcross: () => {
      movedAcross = true;
      requestAnimationFrame(() => {
        movedAcross = false;
      });
    },
    reset: () => {
      keyboardZone = null;
      cameFrom = null;
      lastOverId = null;
    },
  };
}
