import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each once, inside a transaction.
 * Prisma's own `migrate` needs a schema-engine binary that cannot be downloaded offline, so the
 * SQL files it would produce are kept in the repo and applied here. Returns the names applied now.
 */
export function migrate(dbFile: string): string[] {
  // A static path: a parameter here makes Turbopack trace the whole project.
  const dir = path.join(process.cwd(), "prisma", "migrations");
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      'CREATE TABLE IF NOT EXISTS "_postern_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      db.prepare('SELECT name FROM "_postern_migrations"').all().map((r) => (r as { name: string }).name),
    );
    const pending = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !done.has(d.name))
      .map((d) => d.name)
      .sort();
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      db.transaction(() => {
        db.exec(sql);
        db.prepare('INSERT INTO "_postern_migrations" (name, applied_at) VALUES (?, ?)').run(
          name,
          new Date().toISOString(),
        );
      })();
    }
    return pending;
  } finally {
    db.close();
  }
}
