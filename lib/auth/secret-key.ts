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

// Sub-keys by master key and purpose: HKDF is pure, and it ran on every request (Auth.js's secret,
// the session's credentials), ~1.5% of the server's CPU in a sign-in rush (BENCHMARKS row 4r).
// Every process derives the same keys from the same master key, so nothing here needs sharing.
const derived = new WeakMap<Buffer, Map<string, Buffer>>();

/** A sub-key for one purpose, so no two features ever share key material. */
export function deriveKey(purpose: string, masterKey: Buffer = getMasterKey()): Buffer {
  let byPurpose = derived.get(masterKey);
  if (!byPurpose) derived.set(masterKey, (byPurpose = new Map()));
  let key = byPurpose.get(purpose);
  if (!key) byPurpose.set(purpose, (key = Buffer.from(crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), `postern:${purpose}`, 32))));
  // a copy: a caller that fills or reuses the buffer must not change the next caller's key
  return Buffer.from(key);
}
