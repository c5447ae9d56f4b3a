/**
 * The application's least-privileged database role (docs/decisions/0011-database-roles-and-keyed-audit-chain.md).
 *
 * Migrations, pg-boss's schema and the demo seed run as the database owner; the web server and the
 * notification worker connect as an "app" login role that may read and write rows and nothing
 * else: no superuser, no DDL, no trigger changes, no TRUNCATE, and only SELECT/INSERT on the
 * append-only tables (the audit log and its seals). Privileges are (re)granted after every
 * migration, so new tables are covered.
 *
 * PostgreSQL roles are cluster-wide: the role is named after its database (`<database>_app`), so
 * runs on other databases of the same server never touch it.
 */
import pg from "pg";

/** Tables the app may only read and append to (their triggers refuse UPDATE/DELETE/TRUNCATE too). */
export const APPEND_ONLY_TABLES = ["AuditEvent", "AuditSeal", "Payment"] as const;

const QUEUE_SCHEMA = "pgboss";

/** `<database>_app`, within PostgreSQL's 63-byte identifier limit. */
export function appRoleName(databaseUrl: string): string {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, "")) || "postgres";
  return `${database.slice(0, 59)}_app`;
}

/** `url` with another user and password (same server and database). */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || process.env.PGUSER || "postgres";
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the login role (or resets its password and attributes), with no privileges beyond
 * logging in. Safe when another process creates the same role at the same moment.
 */
export async function ensureLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const name = c.escapeIdentifier(role);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${c.escapeLiteral(password)}`;
    for (let attempt = 0; ; attempt++) {
      const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount! > 0;
      try {
        await c.query(`${exists ? "ALTER" : "CREATE"} ROLE ${name} WITH ${attributes}`);
        return;
      } catch (error) {
        // Created by a concurrent run between the check and CREATE: alter it instead.
        if (attempt === 0 && (error as { code?: string }).code === "42710") continue;
        throw error;
      }
    }
  });
}

/**
 * Grants `role` what the app needs in the owner's database, and takes away anything more. Run
 * as the owner after every migration (idempotent).
 */
export async function grantAppPrivileges(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const r = c.escapeIdentifier(role);
    const database = (await c.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
    const { rows: tables } = await c.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables WHERE schemaname IN ('public', $1)`,
      [QUEUE_SCHEMA],
    );
    const sql = [
      `GRANT CONNECT, TEMPORARY ON DATABASE ${c.escapeIdentifier(database)} TO ${r}`,
      `REVOKE CREATE ON DATABASE ${c.escapeIdentifier(database)} FROM ${r}`,
      `GRANT USAGE ON SCHEMA public TO ${r}`,
      `REVOKE CREATE ON SCHEMA public FROM ${r}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    ];
    for (const t of tables) {
      const table = `${c.escapeIdentifier(t.schema)}.${c.escapeIdentifier(t.name)}`;
      sql.push(`REVOKE ALL ON ${table} FROM ${r}`);
      if (t.schema === "public" && t.name === "_prisma_migrations") sql.push(`GRANT SELECT ON ${table} TO ${r}`);
      else if (t.schema === "public" && (APPEND_ONLY_TABLES as readonly string[]).includes(t.name)) sql.push(`GRANT SELECT, INSERT ON ${table} TO ${r}`);
      else sql.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${r}`);
    }
    const queue = (await c.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [QUEUE_SCHEMA])).rowCount! > 0;
    if (queue) {
      // pg-boss's own schema: the worker and the senders read and write its job tables.
      const q = c.escapeIdentifier(QUEUE_SCHEMA);
      sql.push(`GRANT USAGE ON SCHEMA ${q} TO ${r}`, `REVOKE CREATE ON SCHEMA ${q} FROM ${r}`);
      sql.push(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${q} TO ${r}`, `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${q} TO ${r}`);
    }
    await c.query("BEGIN");
    try {
      for (const statement of sql) await c.query(statement);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    }
  });
}

/** Removes a per-run role (tests): its privileges in `ownerUrl`'s database, then the role. */
export async function dropAppRole(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const r = c.escapeIdentifier(role);
    if ((await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount === 0) return;
    await c.query(`DROP OWNED BY ${r}`);
    await c.query(`DROP ROLE ${r}`);
  });
}

/** When `url`'s role is a superuser or may create roles (then it can act as the owner). */
export async function roleCanCreateRoles(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ ok: boolean }>("SELECT rolsuper OR rolcreaterole AS ok FROM pg_roles WHERE rolname = current_user");
    return rows[0]?.ok ?? false;
  });
}

export type DatabaseUrls = {
  /** The owner: migrations, pg-boss's schema, the seed. */
  ownerUrl: string;
  /** The least-privileged role the web server and worker use. */
  appUrl: string;
  appRole: string;
  /** Removes a role this call created for one run (only with `perRun`). */
  drop: () => Promise<void>;
};

/**
 * The two connections of a run, from the owner's URL:
 * - `appUrl` given (DATABASE_MIGRATION_URL + DATABASE_URL in a deployment): that role gets the
 *   privileges; it is not created here.
 * - otherwise the role `<database>_app` is created (or its password reset) with `password`.
 * Call after the migrations (grants cover the tables that exist).
 */
export async function prepareAppRole(options: { ownerUrl: string; appUrl?: string; password: string; perRun?: boolean }): Promise<DatabaseUrls> {
  if (options.appUrl) {
    const role = userOf(options.appUrl);
    if (role !== userOf(options.ownerUrl)) await grantAppPrivileges(options.ownerUrl, role);
    return { ownerUrl: options.ownerUrl, appUrl: options.appUrl, appRole: role, drop: async () => {} };
  }
  const role = appRoleName(options.ownerUrl);
  await ensureLoginRole(options.ownerUrl, role, options.password);
  await grantAppPrivileges(options.ownerUrl, role);
  return {
    ownerUrl: options.ownerUrl,
    appUrl: urlAs(options.ownerUrl, role, options.password),
    appRole: role,
    drop: options.perRun ? () => dropAppRole(options.ownerUrl, role) : async () => {},
  };
}
