import { getDb } from "@/lib/db/client";

/** A key of the shared failure limiters (lib/http/failure-limiter.ts) as an admin reads it. */
export type Lockout = {
  key: string;
  /** Which limiter: sign-in per account and address, sign-in per address, read-link guessing. */
  kind: "sign-in" | "sign-in address" | "read-link guessing" | "other";
  account: string | null;
  address: string | null;
  lockedUntil: Date;
  lockouts: number;
};

/** Reads a limiter key: "login:<account> ip:<addr>", "login-address:ip:<addr>", "read-link-guess:ip:<addr>". */
export function describeLimiterKey(key: string): Pick<Lockout, "kind" | "account" | "address"> {
  const pair = /^login:(.*) ip:(.*)$/.exec(key);
  if (pair) return { kind: "sign-in", account: pair[1], address: pair[2] };
  const address = /^(login-address|read-link-guess):ip:(.*)$/.exec(key);
  if (address) return { kind: address[1] === "login-address" ? "sign-in address" : "read-link guessing", account: null, address: address[2] };
  return { kind: "other", account: null, address: null };
}

/** Keys locked out right now, whichever process locked them, the longest lockout first. */
export async function listLockouts(now = Date.now()): Promise<Lockout[]> {
  const rows = await getDb().failureCount.findMany({
    where: { lockedUntil: { gt: BigInt(now) } },
    orderBy: { lockedUntil: "desc" },
    take: 500,
  });
  return rows.map((r) => ({ key: r.key, ...describeLimiterKey(r.key), lockedUntil: new Date(Number(r.lockedUntil)), lockouts: r.lockouts }));
}

/** Lifts a lockout at once, for every process: the key's record goes (its back-off history with it).
 * @returns whether there was one */
export async function unlockKey(key: string): Promise<boolean> {
  const { count } = await getDb().failureCount.deleteMany({ where: { key } });
  return count > 0;
}
