import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/env";

// Every process must hold the same key: the key file below is shared only by processes using one
// data directory, so several machines need POSTERN_SECRET_KEY set alike on each.
let master: Buffer | undefined;

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new Error("POSTERN_SECRET_KEY must be 32 bytes, as 64 hex digits or base64");
  return key;
}

/**
 * The installation's master key: POSTERN_SECRET_KEY, or a key file generated once in the data
 * directory with mode 0600. Losing it only signs everyone out: it protects sessions, not mail.
 */
export function getMasterKey(): Buffer {
  if (master) return master;
  const { POSTERN_SECRET_KEY, dataDir } = getConfig();
  if (POSTERN_SECRET_KEY) return (master = parseKey(POSTERN_SECRET_KEY));
  const file = path.join(dataDir, "secret.key");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": two processes starting together must not each write a different key.
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return (master = parseKey(fs.readFileSync(file, "utf8")));
}

/** A sub-key for one purpose, so no two features ever share key material. */
export function deriveKey(purpose: string, masterKey: Buffer = getMasterKey()): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), `postern:${purpose}`, 32));
}
