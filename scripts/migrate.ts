/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL, as `prisma migrate
 * deploy` would, then prepares the notification job queue (pg-boss's `pgboss` schema and queue).
 */
import { prepareNotificationQueue } from "../src/server/notifications/queue.ts";
import { applyMigrations } from "./lib/schema-engine.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate. (`npm start` migrates its embedded database by itself.)");
  process.exit(2);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
await prepareNotificationQueue(url);
console.log("Notification queue: ready.");
