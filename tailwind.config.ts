import type { Config } from "tailwindcss";

// Loaded from src/app/globals.css with `@config`: the brand palette and fonts live here so
// that charts (Recharts) and CSS share one source of truth (see src/lib/theme-colors.ts).
const config: Config = {
  content: ["./src/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef5ff",
          100: "#d9e8ff",
          200: "#bcd7ff",
          300: "#8ebdff",
          400: "#5997ff",
          500: "#3372fc",
          600: "#1d53f1",
          700: "#1640de",
          800: "#1935b4",
          900: "#1a338d",
          950: "#152156",
        },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
      },
    },
  },
};

export default config;
