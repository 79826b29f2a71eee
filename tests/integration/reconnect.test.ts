import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFolders } from "@/lib/imap/list-folders";
import { listMessages } from "@/lib/imap/list-messages";
import { getPool } from "@/lib/imap/session-pool";
import { CORPUS_SIZE } from "../../mail-lab/seed/corpus.mjs";
import { ALICE, signInAs } from "./helpers";

const root = path.resolve(import.meta.dirname, "../..");
const imapPort = Number(process.env.IMAP_PORT);

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => getPool().closeAll());

describe("a dropped IMAP connection", () => {
  it("is re-established transparently after Dovecot restarts mid-session", async () => {
    const alice = await signInAs(ALICE);
    expect((await listMessages(alice, { folder: "INBOX", page: 1 })).total).toBe(CORPUS_SIZE);
    const client = await getPool().get(alice);
    const closed = new Promise((resolve) => client.once("close", resolve));

    // Stop the lab's Dovecot (the process the lab started, by its PID file) and start it again.
    const pid = Number(fs.readFileSync(path.join(root, "data/lab/run/dovecot.pid"), "utf8"));
    process.kill(pid, "SIGTERM");
    await waitFor(async () => !(await portOpen(imapPort)), 15_000);
    await closed;
    execFileSync("bash", [path.join(root, "mail-lab/lab"), "up"], { stdio: "ignore" });

    // The same session goes on working: the pool reconnects with the stored credentials.
    const page = await listMessages(alice, { folder: "INBOX", page: 2 });
    expect(page.total).toBe(CORPUS_SIZE);
    expect(page.messages).toHaveLength(50);
    expect((await listFolders(alice))[0].path).toBe("INBOX");
    expect(await getPool().get(alice)).not.toBe(client);
  });
});
