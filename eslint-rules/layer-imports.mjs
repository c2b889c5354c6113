/**
 * `momentum/layer-imports`: which folders of src/ a file may import from (DESIGN.md §4.10).
 * Each restriction names target folders (repo-relative, e.g. "src/server"); `@/` aliases and
 * relative paths are both resolved, so `../../server/x` is caught like `@/server/x`. Options:
 *   allowTypes    a type-only import (`import type`, or `import { type A }` with only types) passes
 *   clientOnly    applies only in files whose first directive is 'use client'
 *   renders       also forbids any .tsx module (a component), wherever it lives
 */
import fs from "node:fs";
import path from "node:path";

const ALIASES = { "@/": "src", "@tests/": "tests" };

const layerImports = {
  meta: {
    type: "problem",
    docs: { description: "Keep src/ layers apart: client code, lib and components see server and db only as types." },
    schema: [
      {
        type: "object",
        properties: {
          restrictions: {
            type: "array",
            items: {
              type: "object",
              properties: {
                targets: { type: "array", items: { type: "string" } },
                allowTypes: { type: "boolean" },
                clientOnly: { type: "boolean" },
                renders: { type: "boolean" },
                message: { type: "string" },
              },
              required: ["message"],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const restrictions = context.options[0]?.restrictions ?? [];
    const filename = context.filename;
    const root = context.cwd;
    let isClient = false;

    function check(node, source, typeOnly) {
      const target = resolveTarget(root, filename, source);
      if (!target) return;
      for (const r of restrictions) {
        if (r.clientOnly && !isClient) continue;
        if (r.allowTypes && typeOnly) continue;
        const inTarget = (r.targets ?? []).some((t) => target.rel === t || target.rel.startsWith(`${t}/`));
        if (inTarget || (r.renders && isComponent(target.abs))) {
          context.report({ node, message: `'${source}': ${r.message}` });
          return;
        }
      }
    }

    return {
      Program(program) {
        for (const stmt of program.body) {
          if (stmt.type !== "ExpressionStatement" || typeof stmt.directive !== "string") break;
          if (stmt.directive === "use client") isClient = true;
        }
      },
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (!node.source) return;
        const typeOnly =
          node.exportKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.exportKind === "type"));
        check(node, node.source.value, typeOnly);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === "type");
      },
      ImportExpression(node) {
        if (node.source.type === "Literal" && typeof node.source.value === "string") check(node, node.source.value, false);
      },
    };
  },
};

export default layerImports;

/** The imported module as an absolute path and a repo-relative posix path; null for packages. */
function resolveTarget(root, filename, source) {
  let abs = null;
  for (const [prefix, dir] of Object.entries(ALIASES)) {
    if (source.startsWith(prefix)) abs = path.join(root, dir, source.slice(prefix.length));
  }
  if (!abs && source.startsWith(".")) abs = path.resolve(path.dirname(filename), source);
  if (!abs) return null;
  return { abs, rel: path.relative(root, abs).split(path.sep).join("/") };
}

/** A .tsx module renders (or exists to be rendered); `.ts` modules never hold JSX. */
function isComponent(abs) {
  return abs.endsWith(".tsx") || fs.existsSync(`${abs}.tsx`) || fs.existsSync(path.join(abs, "index.tsx"));
}
