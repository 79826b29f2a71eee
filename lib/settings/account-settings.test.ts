import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { defineSetting, getSetting, getSettings, setSetting } from "./account-settings";

// A real SQLite file with the real migrations: the store's whole job is what it reads back.
useTempDatabase("settings");

const flag = defineSetting("test.flag", z.boolean(), false);
const days = defineSetting("test.days", z.number().int().min(1).max(365), 30);

describe("account settings", () => {
  it("gives the default until a value is stored, then the value, per account and case-blind", async () => {
    expect(await getSetting("Alice@example.test", flag)).toBe(false);
    await setSetting("Alice@example.test", flag, true);
    expect(await getSetting("alice@EXAMPLE.test", flag)).toBe(true);
    expect(await getSetting("bob@example.test", flag)).toBe(false);
    await setSetting("alice@example.test", flag, false);
    expect(await getSetting("alice@example.test", flag)).toBe(false);
  });

  it("reads several at once in the order asked", async () => {
    await setSetting("carol@example.test", days, 7);
    expect(await getSettings("carol@example.test", [days, flag] as const)).toEqual([7, false]);
  });

  it("refuses to store an invalid value and falls back to the default for a bad stored one", async () => {
    await expect(setSetting("dave@example.test", days, 0)).rejects.toThrow();
    await getDb().accountSetting.create({ data: { account: "dave@example.test", key: days.key, value: '"not a number"' } });
    expect(await getSetting("dave@example.test", days)).toBe(30);
    await getDb().accountSetting.update({ where: { account_key: { account: "dave@example.test", key: days.key } }, data: { value: "{broken" } });
    expect(await getSetting("dave@example.test", days)).toBe(30);
  });
});
