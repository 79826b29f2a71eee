import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Starts the mail lab (idempotent) and resets the demo mailboxes to the seeded corpus. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  execFileSync("bash", [path.join(root, "mail-lab/lab"), "up"], { stdio: "inherit" });
  execFileSync("bash", [path.join(root, "mail-lab/lab"), "seed"], { stdio: "inherit" });
  fs.rmSync(path.join(root, "data/test-integration"), { recursive: true, force: true });
}
