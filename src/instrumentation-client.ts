import { config } from "zod/v4/core";

// Runs in the browser before the app's modules (Next's client instrumentation hook). Zod compiles
// object parsers with `new Function` when it may, and probes for that with a `new Function` call
// the first time a schema is built; under our CSP (no 'unsafe-eval') the probe is refused and the
// browser reports a violation on every page, so the browser parses without compiling. The server is
// not under the CSP and keeps the compiled parsers.
config({ jitless: true });
