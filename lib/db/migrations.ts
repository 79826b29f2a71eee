import fs from "node:fs";
import path from "node:path";

export type Migration = { name: string; sql: string };

/**
 * The plain-SQL migrations of one engine, in name order: prisma/migrations/<NNNN_name>/migration.sql
 * for SQLite and prisma/migrations-postgresql/<NNNN_name>/migration.sql (same names) for PostgreSQL.
 * Prisma's own `migrate` needs a schema-engine binary that cannot be downloaded offline, so the SQL
 * it would produce is kept in the repo and applied by migrate-sqlite.ts / migrate-postgresql.ts.
 */
export function pendingMigrations(provider: "sqlite" | "postgresql", done: ReadonlySet<string>): Migration[] {
  // Static paths: a parameter here makes Turbopack trace the whole project.
  const dir =
    provider === "sqlite"
      ? path.join(process.cwd(), "prisma", "migrations")
      : path.join(process.cwd(), "prisma", "migrations-postgresql");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !done.has(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}
