import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropTestDatabase } from "../fixtures/temp-database";

// Two Postern processes starting at the same moment against a new database: the migrations must
// run exactly once, and neither process may fail. Each engine's lock is held by the test while
// both processes are started, so they really contend for it when it is released.

const root = path.resolve(import.meta.dirname, "../..");
const migrationNames = (dir: string) => fs.readdirSync(path.join(root, "prisma", dir)).sort();

type Child = { migrating: Promise<void>; applied: Promise<string[]> };

function startProcess(engine: "sqlite" | "postgresql", target: string): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/migrate-child.ts", engine, target], { cwd: root });
  let out = "";
  let err = "";
  let sawMigrating: () => void = () => {};
  const migrating = new Promise<void>((resolve) => (sawMigrating = resolve));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("migrating\n")) sawMigrating();
  });
  child.stderr.on("data", (d) => (err += d));
  const applied = new Promise<string[]>((resolve, reject) =>
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out.split("\n")[1])) : reject(new Error(`migration process exited ${code}: ${err}`)),
    ),
  );
  return { migrating, applied };
}

function expectExactlyOnce(results: string[][], all: string[]): void {
  // one process applied everything, the other found nothing left
  expect(results.map((r) => r.length).sort()).toEqual([0, all.length]);
  expect(results.flat()).toEqual(all);
}

describe("two processes migrating one database at once", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postern-migrate-race-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("SQLite: the second waits for the first's write lock, then has nothing to do", async () => {
    const file = path.join(dir, "race.db");
    const holder = new Database(file);
    holder.pragma("journal_mode = WAL");
    holder.exec("BEGIN IMMEDIATE");
    const children = [startProcess("sqlite", file), startProcess("sqlite", file)];
    await Promise.all(children.map((c) => c.migrating));
    holder.exec("COMMIT");
    const results = await Promise.all(children.map((c) => c.applied));

    expectExactlyOnce(results, migrationNames("migrations"));
    const rows = holder.prepare('SELECT name FROM "_postern_migrations" ORDER BY name').all() as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(migrationNames("migrations"));
    holder.close();
  });

  it("PostgreSQL: the second waits on the advisory lock, then has nothing to do", async () => {
    const server = execFileSync("bash", [path.join(root, "mail-lab/pg"), "url"], { encoding: "utf8" }).trim();
    const database = `postern_migrate_race_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(server);
    url.pathname = `/${database}`;
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [0x706f7374]);
      const children = [startProcess("postgresql", url.toString()), startProcess("postgresql", url.toString())];
      // both are queued behind the lock the test holds
      for (;;) {
        const { rows } = await holder.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = $1",
          [database],
        );
        if (rows[0].n === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 20)); // polling interval
      }
      await holder.query("SELECT pg_advisory_unlock($1)", [0x706f7374]);
      const results = await Promise.all(children.map((c) => c.applied));

      expectExactlyOnce(results, migrationNames("migrations-postgresql"));
      const { rows } = await holder.query<{ name: string }>('SELECT name FROM "_postern_migrations" ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(migrationNames("migrations-postgresql"));
      expect(migrationNames("migrations-postgresql")).toEqual(migrationNames("migrations")); // same names per engine
    } finally {
      await holder.end();
      await admin.end();
      await dropTestDatabase(server, database);
    }
  });
});
