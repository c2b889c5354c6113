import fs from "node:fs";
import path from "node:path";

import ts from "typescript";

/**
 * The CI check behind `npm run check:actions` (DESIGN.md §4.1): every export of a 'use server'
 * module must be `export const NAME = orgAction({...})` (or publicAction / userAction) from
 * src/server/action-factory.ts, so that no mutation skips session → membership → permission →
 * zod. Server actions live in src/actions/; inline 'use server' functions are refused because
 * they would bypass that review.
 */

export const ACTION_BUILDERS = ["orgAction", "publicAction", "userAction"] as const;
export const ACTION_FACTORY_MODULE = "src/server/action-factory";
export const ACTIONS_DIR = "src/actions";

export type Problem = { file: string; line: number; column: number; message: string };
export type ActionExport = { file: string; line: number; name: string; builder: (typeof ACTION_BUILDERS)[number] };
export type FileAnalysis = { file: string; isServerModule: boolean; actions: ActionExport[]; problems: Problem[] };
export type ProjectAnalysis = { files: FileAnalysis[]; serverModules: FileAnalysis[]; actions: ActionExport[]; problems: Problem[] };

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Analyses one module. `file` is the path relative to the project root with forward slashes
 * (e.g. "src/actions/members.ts"); it decides how relative imports of the factory resolve and
 * whether a 'use server' module sits in src/actions/.
 */
export function analyzeSource(file: string, text: string): FileAnalysis {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
  const problems: Problem[] = [];
  const actions: ActionExport[] = [];
  const report = (node: ts.Node, message: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push({ file, line: line + 1, column: character + 1, message });
  };

  const prologue = directivePrologue(source.statements);
  const isServerModule = prologue.some((d) => d.expression.text === "use server");

  // A 'use server' string anywhere but a prologue does nothing at all: Next ignores it silently.
  // Inside a function's prologue it makes an inline server action, which must not exist either.
  checkStrayDirectives(source, new Set(prologue), report);

  if (isServerModule) {
    const posix = file.split(path.sep).join("/");
    if (!posix.startsWith(`${ACTIONS_DIR}/`)) {
      report(
        prologue.find((d) => d.expression.text === "use server")!,
        `'use server' modules belong in ${ACTIONS_DIR}/ (one file per entity), not here.`,
      );
    }
    const builders = factoryImports(source, file);
    for (const statement of source.statements) checkStatement(statement, builders, actions, report, source, file);
  }
  return { file, isServerModule, actions, problems };
}

/** Walks src/ under `root` and analyses every source file. */
export function analyzeProject(root: string, dir = "src"): ProjectAnalysis {
  const files: FileAnalysis[] = [];
  for (const abs of listSourceFiles(path.join(root, dir))) {
    const rel = path.relative(root, abs).split(path.sep).join("/");
    files.push(analyzeSource(rel, fs.readFileSync(abs, "utf8")));
  }
  const serverModules = files.filter((f) => f.isServerModule);
  return {
    files,
    serverModules,
    actions: serverModules.flatMap((f) => f.actions),
    problems: files.flatMap((f) => f.problems),
  };
}

export function formatReport(result: ProjectAnalysis): { ok: boolean; lines: string[] } {
  const { actions, serverModules, problems } = result;
  if (problems.length === 0) {
    return {
      ok: true,
      lines: [
        `check:actions: ${actions.length} ${plural(actions.length, "action")} in ${serverModules.length} ${plural(serverModules.length, "file")}, all built by the action factory`,
      ],
    };
  }
  const fileCount = new Set(problems.map((p) => p.file)).size;
  return {
    ok: false,
    lines: [
      ...problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`),
      `check:actions: ${problems.length} ${plural(problems.length, "problem")} in ${fileCount} ${plural(fileCount, "file")}. ` +
        `Every export of a 'use server' module must be \`export const NAME = orgAction({...})\` ` +
        `(or publicAction/userAction) from ${ACTION_FACTORY_MODULE}.ts, and server actions live only in ${ACTIONS_DIR}/.`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------

type Report = (node: ts.Node, message: string) => void;
type Directive = ts.ExpressionStatement & { expression: ts.StringLiteral };

/** Local names bound to the factory's builders: `orgAction`, `orgAction as x`, or `f` for `import * as f`. */
type FactoryBindings = { named: Map<string, (typeof ACTION_BUILDERS)[number]>; namespaces: Set<string> };

function checkStatement(
  statement: ts.Statement,
  builders: FactoryBindings,
  actions: ActionExport[],
  report: Report,
  source: ts.SourceFile,
  file: string,
) {
  // Types are erased at compile time and export nothing at runtime.
  if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) return;

  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return;
    if (!statement.exportClause) {
      report(
        statement,
        `\`export * from ${statement.moduleSpecifier?.getText(source)}\` re-exports functions that were not built by the action factory here.`,
      );
    } else if (ts.isNamespaceExport(statement.exportClause)) {
      report(statement, "A namespace re-export is not allowed in a 'use server' module.");
    } else {
      for (const el of statement.exportClause.elements) {
        if (el.isTypeOnly) continue;
        const what = statement.moduleSpecifier
          ? `re-export of '${(el.propertyName ?? el.name).getText(source)}'`
          : `\`export { ${el.getText(source)} }\``;
        report(el, `${what} is not allowed; declare each action as \`export const ${el.name.getText(source)} = orgAction({...})\`.`);
      }
    }
    return;
  }

  if (ts.isExportAssignment(statement)) {
    report(
      statement,
      statement.isExportEquals
        ? "`export =` is not allowed in a 'use server' module."
        : "`export default` is not allowed; export named actions built by the action factory.",
    );
    return;
  }

  if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return;
  if (hasModifier(statement, ts.SyntaxKind.DeclareKeyword)) return;

  if (ts.isFunctionDeclaration(statement)) {
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    const name = statement.name?.text ?? "default";
    report(
      statement,
      `${isDefault ? "`export default function`" : `\`export ${hasModifier(statement, ts.SyntaxKind.AsyncKeyword) ? "async " : ""}function ${name}\``} ` +
        `skips the action factory; write \`export const ${isDefault ? "someAction" : name} = orgAction({ permission, input, handler })\`.`,
    );
    return;
  }

  if (ts.isVariableStatement(statement)) {
    const flags = statement.declarationList.flags;
    if (!(flags & ts.NodeFlags.Const)) {
      report(statement, `Exported actions must be \`const\`, not \`${flags & ts.NodeFlags.Let ? "let" : "var"}\`.`);
      return;
    }
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) {
        report(decl, "Destructured exports are not allowed; export each action as `export const NAME = orgAction({...})`.");
        continue;
      }
      const name = decl.name.text;
      const builder = decl.initializer && builderOf(decl.initializer, builders);
      if (!decl.initializer || !builder) {
        report(
          decl,
          `\`${name}\` is not built by the action factory; write \`export const ${name} = orgAction({...})\` (or publicAction/userAction) imported from @/server/action-factory.`,
        );
        continue;
      }
      const call = decl.initializer as ts.CallExpression;
      if (call.arguments.length !== 1 || !ts.isObjectLiteralExpression(call.arguments[0]!)) {
        report(call, `\`${name}\` must pass one object literal to ${builder}({...}).`);
        continue;
      }
      const { line } = source.getLineAndCharacterOfPosition(decl.getStart(source));
      actions.push({ file, line: line + 1, name, builder });
    }
    return;
  }

  const kind = ts.isClassDeclaration(statement)
    ? "a class"
    : ts.isEnumDeclaration(statement)
      ? "an enum"
      : ts.isModuleDeclaration(statement)
        ? "a namespace"
        : "a declaration";
  report(statement, `Exporting ${kind} from a 'use server' module is not allowed; only actions built by the action factory.`);
}

/** The callee must be one of the factory's builders, imported from the factory module. */
function builderOf(init: ts.Expression, builders: FactoryBindings): (typeof ACTION_BUILDERS)[number] | undefined {
  if (!ts.isCallExpression(init)) return undefined;
  const callee = init.expression;
  if (ts.isIdentifier(callee)) return builders.named.get(callee.text);
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && builders.namespaces.has(callee.expression.text)) {
    const name = callee.name.text;
    return (ACTION_BUILDERS as readonly string[]).includes(name) ? (name as (typeof ACTION_BUILDERS)[number]) : undefined;
  }
  return undefined;
}

function factoryImports(source: ts.SourceFile, file: string): FactoryBindings {
  const bindings: FactoryBindings = { named: new Map(), namespaces: new Set() };
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!isFactoryModule(statement.moduleSpecifier.text, file)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings) continue;
    if (ts.isNamespaceImport(clause.namedBindings)) {
      bindings.namespaces.add(clause.namedBindings.name.text);
      continue;
    }
    for (const el of clause.namedBindings.elements) {
      if (el.isTypeOnly) continue;
      const imported = (el.propertyName ?? el.name).text;
      if ((ACTION_BUILDERS as readonly string[]).includes(imported))
        bindings.named.set(el.name.text, imported as (typeof ACTION_BUILDERS)[number]);
    }
  }
  return bindings;
}

function isFactoryModule(specifier: string, file: string): boolean {
  const strip = (p: string) => p.replace(/\.(ts|js|mts|mjs)$/, "");
  if (specifier.startsWith("@/")) return strip(`src/${specifier.slice(2)}`) === ACTION_FACTORY_MODULE;
  if (specifier.startsWith(".")) return strip(path.posix.join(path.posix.dirname(file), specifier)) === ACTION_FACTORY_MODULE;
  return false;
}

/** The leading run of string-literal expression statements: a module's or function's directives. */
function directivePrologue(statements: ts.NodeArray<ts.Statement>): Directive[] {
  const out: Directive[] = [];
  for (const s of statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)) out.push(s as Directive);
    else break;
  }
  return out;
}

function checkStrayDirectives(source: ts.SourceFile, moduleDirectives: Set<ts.Statement>, report: Report) {
  const visit = (node: ts.Node) => {
    if (
      ts.isExpressionStatement(node) &&
      ts.isStringLiteral(node.expression) &&
      node.expression.text === "use server" &&
      !moduleDirectives.has(node)
    ) {
      const body = node.parent;
      const inFunctionPrologue =
        ts.isBlock(body) && ts.isFunctionLike(body.parent) && directivePrologue(body.statements).includes(node as Directive);
      report(
        node,
        inFunctionPrologue
          ? `Inline 'use server' in a function body is not allowed; server actions live in ${ACTIONS_DIR}/ and are built by the action factory.`
          : "'use server' has no effect here; it must be the very first statement of a module in src/actions/.",
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).some((m) => m.kind === kind) : false;
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.(jsx)$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((x, y) => x.name.localeCompare(y.name))) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE_EXTENSIONS.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
