import { z } from "zod";

import { parseDecimalText, safeText } from "./primitives";

export const CURRENCIES = ["DKK", "EUR", "INR", "USD", "GBP", "SEK", "NOK", "CHF"] as const;
export const LOCALES = ["da-DK", "fr-FR", "en-IN", "en-GB", "en-US", "de-DE", "sv-SE", "nb-NO"] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const orgSettingsSchema = z.object({
  name: safeText({ min: [2, "Name must be at least 2 characters"], max: [80, "Name is too long"] }),
  currency: z.enum(CURRENCIES, { error: "Choose a supported currency" }),
  locale: z.enum(LOCALES, { error: "Choose a supported locale" }),
  timeZone: z.string().trim().refine(isTimeZone, "Unknown time zone (use an IANA name such as Europe/Copenhagen)"),
  /** Entered as a percentage with up to two decimals, stored as basis points. */
  defaultTaxRate: z
    .union([z.number(), z.string().trim().min(1, "Enter a tax rate")], { error: "Enter a tax rate" })
    // "25,5" is how a Dane or a French admin types it; an empty field must not silently become 0 %.
    .transform((v) => (typeof v === "number" ? v : parseDecimalText(v)))
    .pipe(
      z
        .number({ error: "Enter a number such as 25 or 25,5" })
        .min(0, "Tax rate cannot be negative")
        .max(100, "Tax rate cannot exceed 100 %"),
    )
    .transform((pct) => Math.round(pct * 100)),
  saleNumberPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,8}$/, "Use 1–8 letters or digits"),
});
export type OrgSettingsInput = z.input<typeof orgSettingsSchema>;
