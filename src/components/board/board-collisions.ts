import {
  closestCorners,
  KeyboardCode,
  pointerWithin,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { isZone, LOST_ZONE, WON_ZONE } from "./close-zones";

type SortableData = { sortable?: { index: number; items: unknown[] } };

/**
 * How the board decides where a dragged card is, for the pointer and the keyboard alike.
 *
 * Pointer: the Won/Lost bar wins when the pointer is over it; otherwise the nearest card or column.
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

  const collisionDetection: CollisionDetection = (args) => {
    const zones = args.droppableContainers.filter((c) => isZone(c.id));
    const others = args.droppableContainers.filter((c) => !isZone(c.id));
    if (args.pointerCoordinates) {
      const hit = pointerWithin({ ...args, droppableContainers: zones });
      if (hit.length) return hit.slice(0, 1);
    } else if (keyboardZone !== null) {
      const zone = zones.find((z) => z.id === keyboardZone);
      if (zone) return [{ id: zone.id, data: { droppableContainer: zone, value: 0 } }];
    }
    return closestCorners({ ...args, droppableContainers: others });
  };

  return {
    coordinateGetter,
    collisionDetection,
    /** Called when a drag starts or ends, so a new keyboard drag starts among the cards. */
    reset: () => {
      keyboardZone = null;
      cameFrom = null;
    },
  };
}
