import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { pendingMigrations } from "./migrations";

/** How long a starting process waits for another one that is migrating the same file. */
const LOCK_WAIT_MS = 60_000;

/**
 * Brings a SQLite file up to date: each pending migration once, in name order. Everything runs in
 * one BEGIN IMMEDIATE transaction, which takes SQLite's write lock before reading what is done, so
 * a second process starting at the same moment waits and then finds nothing left to do.
 * @returns the names applied now
 */
export function migrate(dbFile: string): string[] {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile, { timeout: LOCK_WAIT_MS });
  try {
    db.pragma("journal_mode = WAL");
    const apply = db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS "_postern_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set(
        db.prepare('SELECT name FROM "_postern_migrations"').all().map((r) => (r as { name: string }).name),
      );
      const pending = pendingMigrations("sqlite", done);
      const record = db.prepare('INSERT INTO "_postern_migrations" (name, applied_at) VALUES (?, ?)');
      for (const m of pending) {
        db.exec(m.sql);
        record.run(m.name, new Date().toISOString());
      }
      return pending.map((m) => m.name);
    });
    return apply.immediate();
  } finally {
    db.close();
  }
}
