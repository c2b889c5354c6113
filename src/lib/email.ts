import { z } from "zod";

/** Emails are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address" }))
  .transform(normalizeEmail);
