/**
 * Momentum's lint rules (DESIGN.md §4.7, §4.9, §4.10): the Next rules, no UPDATE/DELETE without WHERE,
 * src/env.ts as the only reader of process.env, and the boundaries between the layers of src/
 * (our own rules in eslint-rules/).
 */

import Module, { createRequire } from "node:module";

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import simpleImportSort from "eslint-plugin-simple-import-sort";

import momentum from "./eslint-rules/index.mjs";

const require = createRequire(import.meta.url);
const drizzle = withUpdateFromSupport(loadDrizzlePlugin());

// Names our code gives a drizzle database or transaction handle. The drizzle plugin matches the
// object's last name segment, so "db" also covers `ctx.db.delete(...)` and `getDb().delete(...)`
// is covered by "getDb".
const DRIZZLE_OBJECTS = ["db", "tx", "getDb"];

// Files that may read process.env: the validated env module, Next's instrumentation hook (which
// must check NEXT_RUNTIME before importing anything), tooling config, scripts, benchmarks, tests.
const PROCESS_ENV_ALLOWED = [
  "src/env.ts",
  "src/instrumentation.ts",
  "*.config.{js,mjs,cjs,ts,mts,cts}",
  "playwright.config.ts",
  "drizzle.config.ts",
  "scripts/**",
  "bench/**",
  "tests/**",
];

const processEnvMessage = "Read configuration through env() from src/env.ts, the only module that reads process.env.";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    // .next-<name>/ are side-by-side builds (NEXT_DIST_DIR); .data-<name>/ their databases.
    ".next*/**",
    "node_modules/**",
    "drizzle/**",
    ".data*/**",
    ".test-data/**",
    ".bench-data/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "next-env.d.ts",
  ]),
  {
    name: "momentum/drizzle",
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: DRIZZLE_OBJECTS }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: DRIZZLE_OBJECTS }],
    },
  },
  {
    name: "momentum/env-only-in-env-ts",
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    ignores: PROCESS_ENV_ALLOWED,
    rules: {
      // Also catches `const { env } = process` and `process["env"]`.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: processEnvMessage }],
    },
  },
  {
    // One import order everywhere (fixable with `eslint --fix`): packages, then @/ aliases, then relatives.
    name: "momentum/import-order",
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": [
        "error",
        { groups: [["^\\u0000"], ["^node:"], ["^@?(?!/|tests/)\\w"], ["^@/", "^@tests/"], ["^\\."]] },
      ],
      "simple-import-sort/exports": "error",
    },
  },
  ...layerBoundaries(),
  {
    // A client component that reaches a server module, even indirectly, then fails the build.
    name: "momentum/server-only",
    files: ["src/server/**/*.{ts,tsx}", "src/db/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    plugins: { momentum },
    rules: { "momentum/require-server-only": "error" },
  },
  {
    name: "momentum/typescript",
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      // Unused code is an error in CI, but a leading underscore marks a deliberate discard.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
]);

/**
 * Which layer of src/ may import which (DESIGN.md §4.10). The layers are disjoint folders, so each
 * file gets exactly one `momentum/layer-imports` configuration. Type-only imports cross freely
 * where said, since they vanish from the bundle.
 */
function layerBoundaries() {
  const SERVER = "src/server";
  const DB = "src/db";
  const restrict = (name, files, restrictions) => ({
    name: `momentum/boundaries/${name}`,
    files,
    plugins: { momentum },
    rules: { "momentum/layer-imports": ["error", { restrictions }] },
  });
  return [
    restrict(
      "components",
      ["src/components/**"],
      [
        {
          targets: [SERVER, DB],
          allowTypes: true,
          message:
            "components see src/server and src/db only through `import type`: take data as props, write through a server action (src/actions).",
        },
      ],
    ),
    restrict(
      "lib",
      ["src/lib/**"],
      [
        {
          targets: [SERVER, DB, "src/actions", "src/components", "src/app"],
          allowTypes: true,
          message: "src/lib is runtime-neutral: it imports server, db, actions and components code only through `import type`.",
        },
      ],
    ),
    restrict(
      "app",
      ["src/app/**"],
      [
        { targets: [DB], allowTypes: true, message: "pages and route handlers read through the data layer (src/server/data), not src/db." },
        {
          targets: [SERVER],
          allowTypes: true,
          clientOnly: true,
          message: "a 'use client' module sees src/server only through `import type`; the page passes data as props.",
        },
      ],
    ),
    restrict(
      "actions",
      ["src/actions/**"],
      [
        { targets: ["src/components", "src/app"], renders: true, message: "server actions render nothing: no component or .tsx module." },
        { targets: [DB], allowTypes: true, message: "server actions write through the data layer (src/server/data), not src/db." },
      ],
    ),
    restrict(
      "server",
      ["src/server/**"],
      [{ targets: ["src/components", "src/app"], renders: true, message: "src/server renders nothing: no component or .tsx module." }],
    ),
    restrict(
      "db",
      ["src/db/**"],
      [
        {
          targets: [SERVER, "src/actions", "src/components", "src/app"],
          renders: true,
          message: "src/db knows no callers: it imports neither server, actions, components nor pages.",
        },
      ],
    ),
  ];
}

/**
 * eslint-plugin-drizzle 0.2.3 requires `@typescript-eslint/utils` at load time without declaring
 * it as a dependency, and npm nests that package under eslint-config-next's typescript-eslint, so
 * a plain import fails with "Cannot find module '@typescript-eslint/utils'". When it is not
 * resolvable from the root, point the plugin at the copy typescript-eslint itself uses. Adding
 * `@typescript-eslint/utils` to devDependencies makes this a no-op.
 */
function loadDrizzlePlugin() {
  if (isResolvable("@typescript-eslint/utils")) return require("eslint-plugin-drizzle");
  const fromNext = createRequire(require.resolve("eslint-config-next"));
  const fromTsEslint = createRequire(fromNext.resolve("typescript-eslint"));
  const utilsPath = fromTsEslint.resolve("@typescript-eslint/utils");
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === "@typescript-eslint/utils" ? utilsPath : original.call(this, request, ...rest);
  };
  try {
    return require("eslint-plugin-drizzle");
  } finally {
    Module._resolveFilename = original;
  }
}

function isResolvable(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The plugin's update rule wants `.where()` immediately after `.set()`, so PostgreSQL's
 * `tx.update(a).set(...).from(b).where(...)` is a false positive. Keep its report only when no
 * `.where(...)` follows anywhere in the same call chain.
 */
function withUpdateFromSupport(plugin) {
  const rule = plugin.rules["enforce-update-with-where"];
  const patched = {
    ...rule,
    create(context) {
      const filtered = Object.create(context, {
        report: { value: (descriptor) => (chainHasWhere(descriptor.node) ? undefined : context.report(descriptor)) },
      });
      return rule.create(filtered);
    },
  };
  return { ...plugin, rules: { ...plugin.rules, "enforce-update-with-where": patched } };
}

/** `node` is a member expression like `.set`; follow `.x(...).y(...)` upwards looking for `.where`. */
function chainHasWhere(node) {
  let member = node;
  while (member?.parent?.type === "CallExpression" && member.parent.callee === member) {
    const next = member.parent.parent;
    if (next?.type !== "MemberExpression" || next.object !== member.parent || next.property.type !== "Identifier") return false;
    if (next.property.name === "where") return true;
    member = next;
  }
  return false;
}
