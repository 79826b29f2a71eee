import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSession, sessionIdFor } from "@/lib/auth/session-store";
import { closeDbForTests, getDb } from "@/lib/db/client";
import { resetConfigForTests } from "@/lib/env";
import { BOB, signInAs } from "./helpers";

// docs/operations.md's backup and restore, for both engines, with the script it tells operators
// to run: back up a database holding a signed-in session, wipe the database, restore, and the
// session is valid again (its sealed credentials open with the same key) and sign-in works.
const root = path.resolve(import.meta.dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "postern-backup-"));
const originalUrl = process.env.DATABASE_URL;
const pgName = `postern_backup_${crypto.randomBytes(4).toString("hex")}`;
const labPg = (...args: string[]) => execFileSync("bash", [path.join(root, "mail-lab/pg"), ...args], { encoding: "utf8" }).trim().split("\n").at(-1)!;

async function useDatabase(url: string | undefined): Promise<void> {
  await closeDbForTests();
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  resetConfigForTests();
}

const backupScript = (command: "backup" | "restore", file: string, url: string) =>
  execFileSync("bash", [path.join(root, "scripts/backup.sh"), command, file], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });

afterAll(async () => {
  await useDatabase(originalUrl);
  fs.rmSync(work, { recursive: true, force: true });
  labPg("dropdb", pgName);
});

const engines = [
  {
    engine: "SQLite",
    create: () => `file:${path.join(work, "postern.db")}`,
    wipe: (url: string) => {
      const file = url.slice("file:".length);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  },
  {
    engine: "PostgreSQL",
    create: () => labPg("createdb", pgName),
    wipe: () => {
      labPg("dropdb", pgName);
      labPg("createdb", pgName);
    },
  },
];

describe.each(engines)("backup and restore on $engine", ({ create, wipe }) => {
  it("a session signed in before the backup is valid again after wipe and restore, and sign-in works", async () => {
    const url = create();
    await useDatabase(url);
    const { token } = await signInAs(BOB);
    const sessionRow = () => getDb().session.findUnique({ where: { id: sessionIdFor(token) } });
    expect(await sessionRow()).toMatchObject({ email: BOB.email });

    const file = path.join(work, `backup-${crypto.randomBytes(3).toString("hex")}`);
    expect(backupScript("backup", file, url)).toContain("database done");
    await closeDbForTests();
    wipe(url);
    await useDatabase(url);
    expect(await sessionRow()).toBeNull(); // the wipe really lost it (a new, empty schema)

    await closeDbForTests(); // a restore is done with every Postern stopped
    expect(backupScript("restore", file, url)).toContain("database done");
    await useDatabase(url);
    expect(await sessionRow()).toMatchObject({ email: BOB.email });
    // A minute on: past the few seconds findSession keeps a session in memory (a restore is done
    // with Postern stopped, so no process remembers one), it reads and decrypts the restored row.
    const session = await findSession(token, new Date(Date.now() + 60_000));
    expect(session).toMatchObject({ email: BOB.email, credentials: { user: BOB.email, pass: BOB.password } });
    await expect(signInAs(BOB)).resolves.toMatchObject({ token: expect.any(String) });
  });
});
