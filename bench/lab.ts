import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./config";

const LAB = path.join(ROOT, "mail-lab/lab");

export type LabInfo = { imapPort: number; nntpPort: number; caCert: string; labDir: string; dovecotPid: number | null };

/** Starts the mail lab if it is not running (idempotent, ~0.3 s when already up). */
export function labUp(): void {
  execFileSync("bash", [LAB, "up"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** Ports and paths of the running lab, as `lab env` reports them. */
export function labInfo(): LabInfo {
  const vars = new Map<string, string>();
  for (const line of execFileSync("bash", [LAB, "env"], { encoding: "utf8" }).split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const labDir = vars.get("LAB_DIR") ?? path.join(ROOT, "data/lab");
  const pidText = readOrNull(path.join(labDir, "run/dovecot.pid"));
  return {
    imapPort: Number(vars.get("IMAP_PORT") ?? 3143),
    nntpPort: Number(vars.get("NNTP_PORT") ?? 3119),
    caCert: vars.get("LAB_CA_CERT") ?? path.join(labDir, "ssl/cert.pem"),
    labDir,
    dovecotPid: pidText ? Number(pidText.trim()) : null,
  };
}

/** Bulk-loads `n` synthetic messages into `mailbox` (emptied first; INBOX empties the whole account). */
export function seedBig(user: string, n: number, mailbox: string): void {
  execFileSync("bash", [LAB, "seed-big", `USER=${user}`, `N=${n}`, `MAILBOX=${mailbox}`], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Messages in a folder, asked of Dovecot directly (no IMAP session that a reseed would kick), or
 * null if the folder does not exist. */
export function folderMessages(user: string, mailbox: string): number | null {
  try {
    const out = execFileSync("bash", [LAB, "doveadm", "mailbox", "status", "-u", user, "messages", mailbox], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const m = /messages=(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
