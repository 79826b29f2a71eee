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

/** Stores a value; it is validated first so nothing invalid is ever written. */
export async function setSetting<T>(account: string, def: SettingDef<T>, value: T): Promise<void> {
  const valid = def.schema.parse(value);
  const key = { account: accountKey(account), key: def.key };
  const json = JSON.stringify(valid);
  await getDb().accountSetting.upsert({ where: { account_key: key }, create: { ...key, value: json }, update: { value: json } });
}
