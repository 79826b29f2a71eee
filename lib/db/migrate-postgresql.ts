import pg from "pg";
import { pendingMigrations } from "./migrations";

/** Key of the session-level advisory lock that serializes migrations across processes. */
const MIGRATION_LOCK = 0x706f7374; // "post"

/**
 * Brings a PostgreSQL database up to date: each pending migration once, in name order, each in its
 * own transaction. An advisory lock held for the whole run makes a second process starting at the
 * same moment wait, then read the list again and find nothing left to do.
 * @returns the names applied now
 */
export async function migratePostgresql(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString, application_name: "postern-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_postern_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    );
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM "_postern_migrations"')).rows.map((r) => r.name));
    const pending = pendingMigrations("postgresql", done);
    for (const m of pending) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql); // simple protocol: a file may hold several statements
        await client.query('INSERT INTO "_postern_migrations" (name) VALUES ($1)', [m.name]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.end(); // ends the session, which releases the advisory lock
  }
}
