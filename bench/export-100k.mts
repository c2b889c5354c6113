// Export benchmark: 100 000 deals to CSV through the real route handler, in process, beside the
// floor — PostgreSQL's own `COPY (same select) TO STDOUT` of the same rows.
//   npm run tsx -- bench/export-100k.mts            seeds .bench-data-export once, then measures
//   npm run tsx -- bench/export-100k.mts --runs 7   more runs per path (median reported); --explain prints the plan
// Prints JSON and writes bench/results-export.json. Standalone: its own embedded cluster, no server.
import { runExportBench } from "./export-100k-run";

await runExportBench();
process.exit(0);
