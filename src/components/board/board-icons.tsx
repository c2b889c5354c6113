import { CalendarClock, CheckSquare, Hourglass, Mail, Phone, Users } from "lucide-react";

const ICONS = { call: Phone, email: Mail, meeting: Users, task: CheckSquare, none: CalendarClock, stale: Hourglass } as const;
export type BoardIconName = keyof typeof ICONS;

/**
 * Each icon once per page. Cards reference it with <use>: an inline lucide icon is ~500 bytes of
 * SVG, and a board of 200 cards with two badges each would repeat it 400 times in the HTML.
 */
export function BoardIconSprite() {
  return (
    <svg aria-hidden width="0" height="0" focusable="false" className="absolute">
      <defs>
        {Object.entries(ICONS).map(([name, Icon]) => (
          <symbol key={name} id={`board-icon-${name}`} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </defs>
    </svg>
  );
}

export function BoardIcon({ name, className }: { name: BoardIconName; className?: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#board-icon-${name}`} />
    </svg>
  );
}
