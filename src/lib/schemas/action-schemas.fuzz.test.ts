import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import * as deals from "./deals";
import * as imports from "./imports";
import * as members from "./members";
import * as organization from "./organization";
import * as pipeline from "./pipeline";
import { isCalendarDate, isSafeText, MAX_YEAR, MIN_YEAR } from "./primitives";
import * as profile from "./profile";
import * as setup from "./setup";

/**
 * Property: whatever JSON-ish value a server action receives, its schema either refuses it with
 * issues or returns a value the database can take as it is — integers within the safe range,
 * real dates between MIN_YEAR and MAX_YEAR, text without NUL characters or lone surrogates.
 */

const U1 = "4f1c1a9e-8d2b-4c3a-9f7e-1b2c3d4e5f60";
const U2 = "0b6f8a2e-3c4d-4e5f-8a9b-c0d1e2f3a4b5";
const soon = () => new Date(Date.now() + 86_400_000).toISOString();
const step = () => ({ type: "call", dueAt: soon(), details: "Call back", ownerId: null });
const importOptions = {
  mapping: ["title", null, "value"],
  mode: "create",
  unknownOwner: "error",
  firstAction: { type: "task", details: "Qualify", due: "tomorrow-9" },
};

/** A valid input per action schema: the fuzzer replaces some of its leaves with junk. */
const VALID: Record<string, () => unknown> = {
  createDealSchema: () => ({
    title: "Acme renewal",
    contactName: "Ann Lee",
    value: "12 500,50 €",
    stageId: U1,
    ownerId: null,
    probability: 50,
    sector: "SaaS",
    source: null,
    expectedCloseDate: "2026-12-31",
    firstAction: step(),
  }),
  updateDealSchema: () => ({ dealId: U1, patch: { title: "Renamed", value: 12_500, expectedCloseDate: "2027-02-28", sector: "" } }),
  completeNextStepSchema: () => ({ actionId: U1, outcome: "Talked", followUp: { then: "next", next: step() } }),
  snoozeNextStepSchema: () => ({ actionId: U1, dueAt: soon(), reason: "On holiday" }),
  moveDealSchema: () => ({ dealId: U1, stageId: U2, beforeId: null, afterId: U1, lossReasonId: null, lossNote: null }),
  closeDealSchema: () => ({ dealId: U1, outcome: "lost", lossReasonId: U2, lossNote: "Too dear" }),
  reopenDealSchema: () => ({ dealId: U1, stageId: U2, nextAction: step() }),
  deleteDealSchema: () => ({ dealId: U1 }),
  nextActionSchema: step,
  dealFieldsSchema: () => ({ title: "T", contactName: "C", value: "100", stageId: U1, expectedCloseDate: "" }),
  orgSettingsSchema: () => ({
    name: "Momentum",
    currency: "EUR",
    locale: "fr-FR",
    timeZone: "Europe/Paris",
    defaultTaxRate: "25,5",
    saleNumberPrefix: "mo",
  }),
  roleSchema: () => "rep",
  inviteMemberSchema: () => ({ email: "ann@example.com", role: "rep" }),
  changeRoleSchema: () => ({ userId: U1, role: "manager" }),
  removeMemberSchema: () => ({ userId: U1 }),
  revokeInvitationSchema: () => ({ invitationId: U1 }),
  passwordSchema: () => "correct horse battery",
  acceptInvitationSchema: () => ({ token: "t".repeat(32), name: "Ann Lee", password: "correct horse battery" }),
  signInSchema: () => ({ email: "ann@example.com", password: "secret" }),
  joinInvitationSchema: () => ({ token: "t".repeat(32), password: "secret" }),
  updateProfileSchema: () => ({ name: "Ann Lee", email: "ann@example.com" }),
  changePasswordSchema: () => ({ currentPassword: "secret", newPassword: "correct horse battery" }),
  issuePasswordResetSchema: () => ({ userId: U1 }),
  resetPasswordSchema: () => ({ token: "t".repeat(32), password: "correct horse battery" }),
  stageFieldsSchema: () => ({ name: "Demo", probability: "25", staleAfterDays: 14 }),
  addStageSchema: () => ({ name: "Demo", probability: 25, staleAfterDays: "14" }),
  updateStageSchema: () => ({ stageId: U1, name: "Demo", probability: 25, staleAfterDays: 14 }),
  reorderStagesSchema: () => ({ stageIds: [U1, U2] }),
  removeStageSchema: () => ({ stageId: U1 }),
  importOptionsSchema: () => importOptions,
  validateImportSchema: () => ({ ...importOptions, importId: U1 }),
  startImportSchema: () => ({ ...importOptions, importId: U1, skipInvalid: true }),
  importIdSchema: () => ({ importId: U1 }),
  uploadImportSchema: () => new FormData(),
  newOrganizationSchema: () => ({ name: "Fjord Foods", currency: "DKK", locale: "da-DK", timeZone: "Europe/Copenhagen" }),
  setupSchema: () => ({
    token: "t".repeat(43),
    name: "Fjord Foods",
    currency: "DKK",
    locale: "da-DK",
    timeZone: "Europe/Copenhagen",
    admin: { name: "Ann Lee", email: "ann@example.com", password: "correct horse battery" },
  }),
};

const schemas: [string, z.ZodType][] = [];
for (const [name, value] of Object.entries({ ...deals, ...imports, ...members, ...organization, ...pipeline, ...profile, ...setup })) {
  if (value instanceof z.ZodType) schemas.push([name, value]);
}

const junkString = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.constantFrom("\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"), fc.string({ maxLength: 6 }))
    .map((p) => p.join("")),
  fc.constantFrom(
    ...["", "   ", "2026-02-30", "0000-01-01", "2026-13-01", "275760-09-13", "+275760-09-13T00:00:00.000Z", "2026-02-30T10:00:00Z"],
    ...["0000-01-01T00:00:00Z", "2999-12-31T23:59:59Z", "1e308", "12abc34", "1e20", "Infinity", "NaN", "-0", "0x1F", "9".repeat(30)],
    ...["rep", "won", "lost", "next", "call", "EUR", U1, "a@b.co", "2026-12-31"],
  ),
);
const junkNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e20, 1e308, -1e20, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.1, 12.345, -0, 8.64e15, 275760),
);
const { junk } = fc.letrec((tie) => ({
  junk: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    junkString,
    junkNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.array(tie("junk"), { maxLength: 3 }),
    fc.dictionary(junkString, tie("junk"), { maxKeys: 3 }),
  ),
}));

/** The dotted paths of an object's leaves ("firstAction.dueAt"), so junk lands where fields are. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof FormData)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

function withJunk(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> = Array.isArray(base) ? ([...base] as unknown as Record<string, unknown>) : { ...(base as object) };
  copy[path[0]!] = withJunk(copy[path[0]!], path.slice(1), value);
  return copy;
}

/** What the database can store as it is; returns the first offending path, or null. */
function violation(value: unknown, path = "$"): string | null {
  if (typeof value === "string") {
    if (!isSafeText(value)) return `${path}: unsafe text`;
    // Calendar-date fields (expectedCloseDate) are named …Date; free text may say anything.
    if (/Date$/.test(path) && value !== "" && !isCalendarDate(value)) return `${path}: impossible date ${value}`;
    return null;
  }
  if (typeof value === "number") return Number.isSafeInteger(value) ? null : `${path}: not a safe integer (${value})`;
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    return Number.isNaN(value.getTime()) || year < MIN_YEAR || year > MAX_YEAR ? `${path}: date out of range` : null;
  }
  if (value instanceof File) return null;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const bad = violation(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

function check(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) expect(violation(result.data)).toBeNull();
  else expect(result.error.issues.length).toBeGreaterThan(0);
}

describe("action schemas under fuzzed input", () => {
  it("every exported schema has a valid sample here (a new schema gets fuzzed too)", () => {
    expect(schemas.map(([name]) => name).filter((name) => !(name in VALID))).toEqual([]);
    for (const [name, schema] of schemas) {
      if (name === "uploadImportSchema") continue;
      expect(schema.safeParse(VALID[name]!()).error?.issues ?? [], name).toEqual([]);
    }
  });

  it.each(schemas)("%s: junk in any field is refused or comes out storable", (name, schema) => {
    const base = VALID[name]!();
    const paths = leafPaths(base);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk), { minLength: 1, maxLength: 3 }), (edits) => {
        const input = edits.reduce((acc, [path, value]) => withJunk(acc, path, value), base);
        check(schema, input);
      }),
      { numRuns: 150 },
    );
  });

  it.each(schemas)("%s: arbitrary values are refused or come out storable", (_name, schema) => {
    fc.assert(
      fc.property(junk, (input) => {
        check(schema, input);
      }),
      { numRuns: 100 },
    );
  });
});
