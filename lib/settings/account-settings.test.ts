import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { clearSetting, defineSetting, getLayeredSettings, getSetting, getSettings, readStoredSettings, setSetting, settingsFrom } from "./account-settings";
import { mailAccountKey } from "@/lib/accounts/mailbox-owner";

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

describe("an added mailbox's settings (issue 22)", () => {
  const own = "erin@example.test";
  const work = mailAccountKey(own, "AbC123");

  it("follow the user's until the mailbox has its own, and again once its own is cleared", async () => {
    expect(await getLayeredSettings([work, own], [days, flag] as const)).toEqual([30, false]);
    await setSetting(own, days, 10);
    expect(await getLayeredSettings([work, own], [days, flag] as const)).toEqual([10, false]);
    await setSetting(work, days, 3);
    await setSetting(work, flag, true);
    expect(await getLayeredSettings([work, own], [days, flag] as const)).toEqual([3, true]);
    // the user's own mailbox is not changed by the added one's choice
    expect(await getSettings(own, [days, flag] as const)).toEqual([10, false]);
    await clearSetting(work, days);
    expect(await getLayeredSettings([work, own], [days, flag] as const)).toEqual([10, true]);
  });

  it("are the owner's alone: another owner's account of the same id, or the login's own settings, never meet them", async () => {
    await setSetting(mailAccountKey("frank@example.test", "AbC123"), flag, true);
    await setSetting("abc123", flag, true);
    expect(await getLayeredSettings([mailAccountKey("grace@example.test", "AbC123"), "grace@example.test"], [flag] as const)).toEqual([false]);
  });
});

describe("settings read once for a request", () => {
  const own = "heidi@example.test";
  const work = mailAccountKey(own, "Xy9");

  it("give what separate reads give, layered in the order of the accounts read", async () => {
    await setSetting(own, days, 12);
    await setSetting(work, flag, true);
    const stored = await readStoredSettings([work, own], [flag, days]);
    expect(settingsFrom(stored, [days, flag] as const)).toEqual(await getLayeredSettings([work, own], [days, flag] as const));
    expect(settingsFrom(stored, [flag] as const)).toEqual([true]);
    const ownOnly = await readStoredSettings(["HEIDI@example.test"], [flag, days]);
    expect(settingsFrom(ownOnly, [days, flag] as const)).toEqual(await getSettings(own, [days, flag] as const));
  });

  it("refuse a setting they were not read with rather than give its default", async () => {
    const stored = await readStoredSettings([own], [flag]);
    expect(() => settingsFrom(stored, [days] as const)).toThrow(/test\.days/);
  });
});
