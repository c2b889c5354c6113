// `node --import ./scripts/lib/allow-server-only.mjs …` (package.json scripts, scripts/start.mjs):
// resolves `server-only` to its empty module, as Next does for server code, so that scripts,
// benchmarks and Playwright can load src/server and src/db outside Next. Without it the package's
// default export throws ("cannot be imported from a Client Component module"). Both module systems
// are covered: tsx runs src/**/*.ts as CommonJS in this package, .mts files as ESM.
// Not inherited by the `next start` workers of scripts/serve.mts: node:cluster gets its execArgv there.
import Module, { createRequire, register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const emptyModule = path.join(path.dirname(require.resolve("server-only")), "empty.js");

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? emptyModule : resolveFilename.call(this, request, ...rest);
};

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(pathToFileURL(emptyModule).href)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
