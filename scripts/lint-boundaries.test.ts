import path from "node:path";

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// `npm run lint` (eslint . --max-warnings=0) with the project's own config, on virtual files placed
// at real paths: the boundaries of DESIGN.md §4.10 are errors, so the lint step — and npm test — fails.
const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

const SERVER_ONLY = 'import "server-only";\n\n';

/** The boundary errors ESLint reports for `code` as if it were the file at `file`. */
async function boundaryErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId?.startsWith("momentum/")).map((m) => ({ rule: m.ruleId, severity: m.severity }));
}

const LAYER_ERROR = [{ rule: "momentum/layer-imports", severity: 2 }];
const SERVER_ONLY_ERROR = [{ rule: "momentum/require-server-only", severity: 2 }];

describe("lint: layer boundaries", { timeout: 60_000 }, () => {
  it("refuses a value import from src/server in a component, and accepts it as a type", async () => {
    const file = "src/components/deals/example.tsx";
    expect(await boundaryErrors(file, 'import { listDeals } from "@/server/data/deal-list";\n\nexport const x = listDeals;\n')).toEqual(
      LAYER_ERROR,
    );
    expect(
      await boundaryErrors(file, 'import type { DealListRow } from "@/server/data/deal-list";\n\nexport type X = DealListRow;\n'),
    ).toEqual([]);
    expect(
      await boundaryErrors(file, 'import { type DealListRow } from "@/server/data/deal-list";\n\nexport type X = DealListRow;\n'),
    ).toEqual([]);
    // Mixed: one value specifier is enough to pull the module into the client bundle.
    expect(
      await boundaryErrors(
        file,
        'import { type DealListRow, listDeals } from "@/server/data/deal-list";\n\nexport const x: DealListRow[] = [];\nexport const y = listDeals;\n',
      ),
    ).toEqual(LAYER_ERROR);
    expect(await boundaryErrors(file, 'export async function load() {\n  return import("@/db/client");\n}\n')).toEqual(LAYER_ERROR);
  });

  it("refuses components, and any .tsx, in src/server — through the alias or a relative path", async () => {
    expect(
      await boundaryErrors(
        "src/server/example.ts",
        `${SERVER_ONLY}import { Button } from "@/components/ui/button";\n\nexport const x = Button;\n`,
      ),
    ).toEqual(LAYER_ERROR);
    expect(
      await boundaryErrors(
        "src/server/data/example.ts",
        `${SERVER_ONLY}import { Button } from "../../components/ui/button";\n\nexport const x = Button;\n`,
      ),
    ).toEqual(LAYER_ERROR);
    expect(
      await boundaryErrors(
        "src/server/example.ts",
        `${SERVER_ONLY}import { formatCount } from "@/lib/format/figures";\n\nexport const x = formatCount;\n`,
      ),
    ).toEqual([]);
  });

  it("refuses src/server, src/actions and components in src/db, even as types", async () => {
    expect(
      await boundaryErrors(
        "src/db/example.ts",
        `${SERVER_ONLY}import { resolveTenant } from "@/server/tenant";\n\nexport const x = resolveTenant;\n`,
      ),
    ).toEqual(LAYER_ERROR);
    expect(
      await boundaryErrors(
        "src/db/example.ts",
        `${SERVER_ONLY}import type { TenantContext } from "@/server/tenant";\n\nexport type X = TenantContext;\n`,
      ),
    ).toEqual(LAYER_ERROR);
  });

  it("keeps src/lib runtime-neutral: server, db, actions and components only as types", async () => {
    expect(await boundaryErrors("src/lib/example.ts", 'import { getDb } from "@/db/client";\n\nexport const x = getDb;\n')).toEqual(
      LAYER_ERROR,
    );
    expect(
      await boundaryErrors("src/lib/example.ts", 'import { signInAction } from "@/actions/auth";\n\nexport const x = signInAction;\n'),
    ).toEqual(LAYER_ERROR);
    expect(await boundaryErrors("src/lib/example.ts", 'import type { DbOrTx } from "@/db/client";\n\nexport type X = DbOrTx;\n')).toEqual(
      [],
    );
  });

  it("lets a server page use src/server but not src/db; a 'use client' module in src/app gets neither", async () => {
    const page = "src/app/(app)/[org]/example/page.tsx";
    expect(await boundaryErrors(page, 'import { listDeals } from "@/server/data/deal-list";\n\nexport const x = listDeals;\n')).toEqual([]);
    expect(await boundaryErrors(page, 'import { getDb } from "@/db/client";\n\nexport const x = getDb;\n')).toEqual(LAYER_ERROR);
    const client = '"use client";\n\nimport { listDeals } from "@/server/data/deal-list";\n\nexport const x = listDeals;\n';
    expect(await boundaryErrors(page, client)).toEqual(LAYER_ERROR);
    expect(await boundaryErrors(page, client.replace("import {", "import type {"))).toEqual([]);
  });
});

describe("lint: server-only", { timeout: 60_000 }, () => {
  it('requires import "server-only" in src/server and src/db modules, not in their tests', async () => {
    expect(await boundaryErrors("src/server/example.ts", "export const x = 1;\n")).toEqual(SERVER_ONLY_ERROR);
    expect(await boundaryErrors("src/db/schema/example.ts", "export const x = 1;\n")).toEqual(SERVER_ONLY_ERROR);
    expect(await boundaryErrors("src/server/example.ts", `${SERVER_ONLY}export const x = 1;\n`)).toEqual([]);
    expect(await boundaryErrors("src/server/example.test.ts", "export const x = 1;\n")).toEqual([]);
    expect(await boundaryErrors("src/lib/example.ts", "export const x = 1;\n")).toEqual([]);
  });

  it("inserts it after the header comment, before the first import", async () => {
    const fixer = new ESLint({ cwd: root, fix: true, fixTypes: ["problem"] });
    const code = '// Why this module exists.\nimport { sql } from "drizzle-orm";\n\nexport const x = sql`select 1`;\n';
    const [result] = await fixer.lintText(code, { filePath: path.join(root, "src/server/example.ts") });
    expect(result!.output).toBe(
      `// Why this module exists.\n${SERVER_ONLY}import { sql } from "drizzle-orm";\n\nexport const x = sql\`select 1\`;\n`,
    );
  });
});
