import { Monitor, Moon, Sun } from "lucide-react";

import type { ThemeChoice } from "./theme-script";

/** How each theme choice is named and drawn, in the user menu and on the profile page. */
export const THEME_OPTIONS: Record<ThemeChoice, { label: string; Icon: typeof Sun }> = {
  light: { label: "Light", Icon: Sun },
  dark: { label: "Dark", Icon: Moon },
  system: { label: "System", Icon: Monitor },
};
