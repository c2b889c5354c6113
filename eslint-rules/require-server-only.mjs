/**
 * `momentum/require-server-only`: the file must `import "server-only"`, so that a client component
 * reaching it (even indirectly) fails the build instead of shipping server code to the browser.
 * Applied to src/server and src/db (eslint.config.mjs). Fixable: inserts the import first.
 */
const requireServerOnly = {
  meta: {
    type: "problem",
    fixable: "code",
    docs: { description: 'Server and db modules import "server-only".' },
    schema: [],
  },
  create(context) {
    return {
      Program(program) {
        const has = program.body.some(
          (s) => s.type === "ImportDeclaration" && s.source.value === "server-only" && s.specifiers.length === 0,
        );
        if (has) return;
        const firstImport = program.body.find((s) => s.type === "ImportDeclaration");
        const directives = program.body.filter((s) => s.type === "ExpressionStatement" && typeof s.directive === "string");
        const lastDirective = directives[directives.length - 1];
        context.report({
          node: firstImport ?? program,
          message: 'Modules under src/server and src/db start with `import "server-only";` (DESIGN.md §4.10).',
          // Before the first import (after the file's header comment); with no import, at the very top
          // (or after the directives), so that a doc comment stays on the declaration it documents.
          fix: (fixer) => {
            if (firstImport) return fixer.insertTextBefore(firstImport, 'import "server-only";\n\n');
            if (lastDirective) return fixer.insertTextAfter(lastDirective, '\n\nimport "server-only";');
            return fixer.insertTextBeforeRange([0, 0], 'import "server-only";\n\n');
          },
        });
      },
    };
  },
};

export default requireServerOnly;
