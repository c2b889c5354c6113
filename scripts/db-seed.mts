// npm run db:seed — seeds the demo into an empty database (embedded unless DATABASE_URL is set).
import { disconnectDatabase } from "@/db/client";
import { demoLoginsTable, seedDemoIfEmpty } from "@/db/seed/run";
import { bootDatabase } from "@/server/boot";

const { db } = await bootDatabase({ seed: false });
if (await seedDemoIfEmpty(db)) {
  console.log("Seeded the demo data.\n" + demoLoginsTable());
} else {
  console.log("The database already has organizations; nothing seeded. Use `npm run db:reset` to start over.");
}
await disconnectDatabase();
process.exit(0);
