import path from "node:path";

import { describe, expect, it } from "vitest";

import { analyzeProject, analyzeSource, formatReport } from "./analyze-server-actions";

const ACTIONS = "src/actions/things.ts";
const header = `"use server";\n\nimport { orgAction, publicAction, userAction } from "@/server/action-factory";\nimport { z } from "zod";\n`;

function problemsOf(source: string, file = ACTIONS) {
  return analyzeSource(file, source).problems;
}

describe("analyzeSource", () => {
  it("accepts actions built by each builder and lists them", () => {
    const result = analyzeSource(
      ACTIONS,
      `${header}
const helper = (n: number) => n + 1;
export type ThingInput = z.input<typeof schema>;
export interface Thing { id: string }
export type { Other } from "./other";
export const createThing = orgAction({ permission: "deals.create", input: z.object({}), handler: async () => helper(1) });
export const signIn = publicAction({ input: z.object({}), handler: async () => 1 });
export const signOut = userAction({ input: z.object({}), handler: async () => 1 });
`,
    );
    expect(result.problems).toEqual([]);
    expect(result.isServerModule).toBe(true);
    expect(result.actions.map((a) => [a.name, a.builder, a.line])).toEqual([
      ["createThing", "orgAction", 10],
      ["signIn", "publicAction", 11],
      ["signOut", "userAction", 12],
    ]);
  });

  it("accepts aliased, relative and namespace imports of the factory", () => {
    const source = `'use server';
import { orgAction as build } from "../server/action-factory";
import * as factory from "@/server/action-factory";
export const a = build({ permission: "org.view", input: x, handler: h });
export const b = factory.userAction({ input: x, handler: h });
`;
    const result = analyzeSource(ACTIONS, source);
    expect(result.problems).toEqual([]);
    expect(result.actions.map((a) => a.builder)).toEqual(["orgAction", "userAction"]);
  });

  it.each([
    [
      "export async function",
      `export async function deleteThing(id: string) { return id; }`,
      /`export async function deleteThing` skips the action factory/,
    ],
    ["export function", `export function deleteThing() {}`, /`export function deleteThing` skips/],
    ["export default function", `export default async function () {}`, /`export default function`/],
    [
      "export default expression",
      `const a = orgAction({ permission: "org.view", input: x, handler: h });\nexport default a;`,
      /`export default` is not allowed/,
    ],
    [
      "export { x }",
      `const a = orgAction({ permission: "org.view", input: x, handler: h });\nexport { a };`,
      /`export \{ a \}` is not allowed/,
    ],
    ["re-export", `export { inviteMemberAction } from "./members";`, /re-export of 'inviteMemberAction' is not allowed/],
    ["export star", `export * from "./members";`, /`export \* from "\.\/members"` re-exports/],
    ["export * as ns", `export * as members from "./members";`, /namespace re-export/],
    ["const built otherwise", `export const a = async (id: string) => id;`, /`a` is not built by the action factory/],
    [
      "const wrapping a builder",
      `export const a = withLogging(orgAction({ permission: "org.view", input: x, handler: h }));`,
      /`a` is not built/,
    ],
    ["builder not from the factory", `export const a = makeAction({ input: x, handler: h });`, /`a` is not built/],
    ["let", `export let a = orgAction({ permission: "org.view", input: x, handler: h });`, /must be `const`, not `let`/],
    ["destructuring", `export const { a, b } = makeActions();`, /Destructured exports/],
    [
      "no object literal",
      `const def = { permission: "org.view", input: x, handler: h };\nexport const a = orgAction(def);`,
      /must pass one object literal to orgAction/,
    ],
    ["class", `export class Thing {}`, /Exporting a class/],
    ["enum", `export enum Kind { A }`, /Exporting an enum/],
  ])("rejects %s with the file and line", (_label, body, message) => {
    const problems = problemsOf(`${header}\n${body}\n`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.file).toBe(ACTIONS);
    // The header is 4 lines plus a blank one; the offending statement starts on line 6 or 7.
    expect(problems[0]!.line).toBeGreaterThanOrEqual(6);
  });

  it("rejects a builder imported from somewhere else even if it is called orgAction", () => {
    const problems = problemsOf(
      `"use server";\nimport { orgAction } from "@/lib/not-the-factory";\nexport const a = orgAction({ input: x, handler: h });\n`,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/`a` is not built by the action factory/) });
  });

  it("ignores files that are not 'use server' modules, whatever they export", () => {
    const result = analyzeSource(
      "src/server/data/things.ts",
      `import x from "y";\nexport async function listThings() {}\nexport default 1;\n`,
    );
    expect(result).toMatchObject({ isServerModule: false, actions: [], problems: [] });
  });

  it("does not treat 'use server' after an import as a directive, and says so", () => {
    const result = analyzeSource(
      ACTIONS,
      `import { orgAction } from "@/server/action-factory";\n"use server";\nexport async function x() {}\n`,
    );
    expect(result.isServerModule).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/has no effect here/) })]);
  });

  it("rejects 'use server' modules outside src/actions/", () => {
    const problems = problemsOf(`${header}\nexport const a = userAction({ input: x, handler: h });\n`, "src/app/(auth)/login/actions.ts");
    expect(problems).toEqual([
      expect.objectContaining({
        file: "src/app/(auth)/login/actions.ts",
        line: 1,
        message: expect.stringMatching(/belong in src\/actions\//),
      }),
    ]);
  });

  it.each([
    [
      "a function declaration",
      `export default function Page() {\n  async function save(data: FormData) {\n    "use server";\n    await db.insert(data);\n  }\n  return save;\n}`,
      3,
    ],
    ["an arrow function", `export const Page = () => {\n  const save = async () => {\n    'use server';\n  };\n  return save;\n};`, 3],
    ["a method", `class A {\n  async save() {\n    "use server";\n  }\n}`, 3],
  ])("rejects an inline 'use server' in %s, in any file under src/", (_label, source, line) => {
    const problems = problemsOf(source, "src/app/[org]/page.tsx");
    expect(problems).toEqual([
      expect.objectContaining({ file: "src/app/[org]/page.tsx", line, message: expect.stringMatching(/Inline 'use server'/) }),
    ]);
  });

  it("leaves 'use client' modules and ordinary strings alone", () => {
    const source = `"use client";\nexport function Button() { const s = "use server"; return s; }\nexport default Button;\n`;
    expect(problemsOf(source, "src/components/ui/button.tsx")).toEqual([]);
  });
});

describe("formatReport", () => {
  it("prints one summary line when everything is built by the factory", () => {
    const result = {
      files: [],
      serverModules: [analyzeSource(ACTIONS, `${header}\nexport const a = userAction({ input: x, handler: h });\n`)],
      actions: [{ file: ACTIONS, line: 6, name: "a", builder: "userAction" as const }],
      problems: [],
    };
    expect(formatReport(result)).toEqual({ ok: true, lines: ["check:actions: 1 action in 1 file, all built by the action factory"] });
  });

  it("prints file:line:column for each problem and a summary", () => {
    const file = analyzeSource(ACTIONS, `${header}\nexport async function a() {}\nexport default a;\n`);
    const report = formatReport({ files: [file], serverModules: [file], actions: [], problems: file.problems });
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toMatch(/^src\/actions\/things\.ts:6:1 `export async function a` skips/);
    expect(report.lines[1]).toMatch(/^src\/actions\/things\.ts:7:1 `export default`/);
    expect(report.lines.at(-1)).toMatch(/^check:actions: 2 problems in 1 file\./);
  });
});

describe("analyzeProject on this repository", () => {
  it("finds the real action modules", () => {
    const result = analyzeProject(path.resolve(import.meta.dirname, "../.."));
    expect(result.serverModules.map((f) => f.file)).toEqual(
      expect.arrayContaining(["src/actions/members.ts", "src/actions/organization.ts"]),
    );
    expect(result.actions.map((a) => a.name)).toEqual(expect.arrayContaining(["inviteMemberAction", "updateOrgSettingsAction"]));
  });
});
