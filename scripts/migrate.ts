/**
 * `npm run db:migrate`: applies the committed migrations, as `prisma migrate deploy` would, then
 * prepares the notification job queue (pg-boss's `pgboss` schema and queue), as the database's
 * owner: DATABASE_MIGRATION_URL when set, else DATABASE_URL. When both are set (a deployment with
 * two roles, docs/decisions/0011), it then grants DATABASE_URL's role what the app needs, and no
 * more: the web server and the worker connect with DATABASE_URL.
 */
import { prepareNotificationQueue } from "../src/server/notifications/queue.ts";
import { grantAppPrivileges, userOf } from "./lib/database-roles.ts";
import { applyMigrations } from "./lib/schema-engine.ts";

const ownerUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
if (!ownerUrl) {
  console.error("Set DATABASE_MIGRATION_URL (the owner) and DATABASE_URL (the app's role), or DATABASE_URL alone. (`npm start` migrates its embedded database by itself.)");
  process.exit(2);
}
const applied = await applyMigrations(ownerUrl);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
await prepareNotificationQueue(ownerUrl);
console.log("Notification queue: ready.");
const appUrl = process.env.DATABASE_MIGRATION_URL ? process.env.DATABASE_URL : undefined;
if (appUrl && userOf(appUrl) !== userOf(ownerUrl)) {
  await grantAppPrivileges(ownerUrl, userOf(appUrl));
  console.log(`App role ${userOf(appUrl)}: privileges granted (rows only; the audit log append-only).`);
} else {
  console.log("No separate app role (set DATABASE_MIGRATION_URL for the owner and DATABASE_URL for the app's role): `npm start` derives one; a deployment should not run the app as the owner.");
}
