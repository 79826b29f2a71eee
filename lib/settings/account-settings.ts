import type { z } from "zod";
import { getDb } from "@/lib/db/client";

/**
 * A per-account preference. Each feature defines its own next to its code, e.g.
 * `export const preferPlainText = defineSetting("reading.preferPlainText", z.boolean(), false)`,
 * and the settings page (app/mail/settings) shows a section per feature.
 */
export type SettingDef<T> = { key: string; schema: z.ZodType<T>; fallback: T };

export function defineSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): SettingDef<T> {
  return { key, schema, fallback };
}

/** Settings are per account, whatever the session: keyed by the signed-in address. */
const accountKey = (account: string) => account.trim().toLowerCase();

function decode<T>(def: SettingDef<T>, raw: string | undefined): T {
  if (raw === undefined) return def.fallback;
  try {
    const parsed = def.schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : def.fallback;
  } catch {
    return def.fallback;
  }
}

export async function getSetting<T>(account: string, def: SettingDef<T>): Promise<T> {
  const row = await getDb().accountSetting.findUnique({ where: { account_key: { account: accountKey(account), key: def.key } } });
  return decode(def, row?.value);
}

/** Several settings in one query, in the order asked. */
export async function getSettings<D extends readonly SettingDef<unknown>[]>(
  account: string,
  defs: D,
): Promise<{ [K in keyof D]: D[K] extends SettingDef<infer T> ? T : never }> {
  const rows = await getDb().accountSetting.findMany({ where: { account: accountKey(account), key: { in: defs.map((d) => d.key) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return defs.map((d) => decode(d, byKey.get(d.key))) as { [K in keyof D]: D[K] extends SettingDef<infer T> ? T : never };
}

export type Values<D extends readonly SettingDef<unknown>[]> = { [K in keyof D]: D[K] extends SettingDef<infer T> ? T : never };

/** Several settings in one query, each from the first of `accounts` that has it stored (an added
 * mailbox's own choice, else the user's), in the order asked. */
export async function getLayeredSettings<D extends readonly SettingDef<unknown>[]>(accounts: string[], defs: D): Promise<Values<D>> {
  return settingsFrom(await readStoredSettings(accounts, defs), defs);
}

/** The stored values of some settings of some accounts, read in one query: a request that needs
 * settings in several places reads them once (app/mail/request-settings.ts) and picks from it. */
export type StoredSettings = { accounts: string[]; keys: ReadonlySet<string>; values: ReadonlyMap<string, string> };

const storedKey = (account: string, key: string) => `${account}\n${key}`;

/** Reads `defs` of `accounts` (in that order of precedence, as getLayeredSettings). */
export async function readStoredSettings(accounts: string[], defs: readonly SettingDef<unknown>[]): Promise<StoredSettings> {
  const keys = accounts.map(accountKey);
  const wanted = [...new Set(defs.map((d) => d.key))];
  const rows = await getDb().accountSetting.findMany({ where: { account: { in: keys }, key: { in: wanted } }, select: { account: true, key: true, value: true } });
  return { accounts: keys, keys: new Set(wanted), values: new Map(rows.map((r) => [storedKey(r.account, r.key), r.value])) };
}

/** Whether `stored` holds every one of `defs` (values it was not asked for are unknown, not unset),
 * and, when `accounts` is given, was read for exactly those accounts in that order. */
export function storedSettingsCover(stored: StoredSettings, defs: readonly SettingDef<unknown>[], accounts?: string[]): boolean {
  const sameAccounts = !accounts || (accounts.length === stored.accounts.length && accounts.every((a, i) => accountKey(a) === stored.accounts[i]));
  return sameAccounts && defs.every((d) => stored.keys.has(d.key));
}

/** `defs` from what was read, each from the first account that has it, in the order asked.
 * @throws Error when `stored` was not read with one of them (a caller's mistake, not a user's) */
export function settingsFrom<D extends readonly SettingDef<unknown>[]>(stored: StoredSettings, defs: D): Values<D> {
  if (!storedSettingsCover(stored, defs)) throw new Error(`settings not read: ${defs.filter((d) => !stored.keys.has(d.key)).map((d) => d.key).join(", ")}`);
  const value = (def: SettingDef<unknown>) => {
    for (const account of stored.accounts) {
      const raw = stored.values.get(storedKey(account, def.key));
      if (raw !== undefined) return raw;
    }
    return undefined;
  };
  return defs.map((d) => decode(d, value(d))) as Values<D>;
}

/** The value stored for `account`, or undefined when none is (or it is no longer valid). */
export async function getStoredSetting<T>(account: string, def: SettingDef<T>): Promise<T | undefined> {
  const row = await getDb().accountSetting.findUnique({ where: { account_key: { account: accountKey(account), key: def.key } } });
  return row ? decode({ ...def, fallback: undefined as T | undefined }, row.value) : undefined;
}

/** Removes the stored value, so the setting falls back (to the user's, for an added mailbox). */
export async function clearSetting(account: string, def: SettingDef<unknown>): Promise<void> {
  await getDb().accountSetting.deleteMany({ where: { account: accountKey(account), key: def.key } });
}

/** Stores a value; it is validated first so nothing invalid is ever written. */
export async function setSetting<T>(account: string, def: SettingDef<T>, value: T): Promise<void> {
  const valid = def.schema.parse(value);
  const key = { account: accountKey(account), key: def.key };
  const json = JSON.stringify(valid);
  await getDb().accountSetting.upsert({ where: { account_key: key }, create: { ...key, value: json }, update: { value: json } });
}
