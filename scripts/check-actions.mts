// npm run check:actions — fails when a 'use server' export is not built by the action factory
// (src/server/action-factory.ts), or when a server action lives outside src/actions/.
// The analysis lives in scripts/lib/analyze-server-actions.ts (unit-tested beside it).
import { fileURLToPath } from "node:url";

import { analyzeProject, formatReport } from "./lib/analyze-server-actions";

const root = fileURLToPath(new URL("..", import.meta.url));
const { ok, lines } = formatReport(analyzeProject(root));
for (const line of lines) (ok ? console.log : console.error)(line);
process.exit(ok ? 0 : 1);
