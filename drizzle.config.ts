import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` needs no database; `drizzle-kit migrate/studio` use DATABASE_URL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_URL ?? "" },
  strict: true,
  verbose: false,
});
