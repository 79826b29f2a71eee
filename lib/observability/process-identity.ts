import crypto from "node:crypto";
import os from "node:os";

export type ProcessIdentity = { id: string; host: string; pid: number; startedAt: Date };

const KEY = Symbol.for("postern.processIdentity");
const holder = globalThis as unknown as { [KEY]?: ProcessIdentity };

/** This process's name in the shared database's heartbeat table: host, pid and a random part (a
 * pid is reused after a restart, and in containers every process is pid 1). */
export function processIdentity(): ProcessIdentity {
  holder[KEY] ??= {
    id: `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`,
    host: os.hostname(),
    pid: process.pid,
    startedAt: new Date(),
  };
  return holder[KEY];
}
