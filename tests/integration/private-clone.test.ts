import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Issue 21: `npm run demo` stopped with an error when the clone sat in a directory other users
// cannot enter (root's home on Debian is 0700), since the mail servers run as their own users. A
// copy of the lab scripts in such a directory must start its own lab (on other ports) and serve.
const REPO = path.resolve(import.meta.dirname, "../..");
const parent = fs.mkdtempSync(path.join(os.tmpdir(), "postern-private-"));
fs.chmodSync(parent, 0o700);
const clone = path.join(parent, "postern");
const PORTS = { IMAP: 19143, IMAPS: 19993, POP3: 19110, SIEVE: 19190, LMTP: 19024, MX: 19025, SUBMISSION: 19587 };
const env = { ...process.env, ...Object.fromEntries(Object.entries(PORTS).map(([k, v]) => [`LAB_${k}_PORT`, String(v)])) };
delete env.LAB_DIR;
const log = path.join(REPO, "data/test-results/private-clone-lab.log");

/** Runs a lab command with its output in a file: the daemons it starts inherit stdout, and a pipe
 * they hold open would never end. */
function lab(cmd: string): Promise<void> {
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const out = fs.openSync(log, "a");
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(clone, "mail-lab/lab"), cmd], { env, stdio: ["ignore", out, out] });
    child.once("error", reject);
    child.once("exit", (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`lab ${cmd} exited ${code}: ${fs.readFileSync(log, "utf8").slice(-2000)}`));
    });
  });
}

function greeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("data", (d) => (socket.end(), resolve(d.toString())));
    socket.once("error", reject);
  });
}

afterAll(async () => {
  await lab("down").catch(() => undefined);
  const outside = fs.existsSync(path.join(clone, "data/lab")) ? fs.realpathSync(path.join(clone, "data/lab")) : null;
  fs.rmSync(parent, { recursive: true, force: true });
  if (outside?.startsWith("/var/lib/postern-lab/")) fs.rmSync(outside, { recursive: true, force: true });
}, 60_000);

describe("a clone in a directory only its owner can enter", () => {
  it("starts its mail lab, which answers", { timeout: 120_000 }, async () => {
    fs.mkdirSync(clone);
    fs.cpSync(path.join(REPO, "mail-lab"), path.join(clone, "mail-lab"), { recursive: true });
    await lab("up");
    const data = fs.realpathSync(path.join(clone, "data/lab"));
    expect(data.startsWith("/var/lib/postern-lab/"), data).toBe(true);
    expect(data).toContain(crypto.createHash("sha1").update(clone).digest("hex").slice(0, 10));
    expect(await greeting(PORTS.IMAP)).toMatch(/^\* OK/);
    expect(await greeting(PORTS.SUBMISSION)).toMatch(/^220 /);
    expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
  });
});
