import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetConfigForTests } from "@/lib/env";
import { DNSBL_CACHE_MINUTES, dnsblHits } from "@/lib/spam/dnsbl";
import { evaluateMessage } from "@/lib/spam/evaluate-message";
import { originatingIp } from "@/lib/spam/originating-ip";
import type { SpamMessage } from "@/lib/spam/spam-message";

// Against the lab's rbldnsd (mail-lab/rbldnsd): zone bl.test lists 127.0.0.2 and 192.0.2.99.
const PORT = process.env.LAB_DNSBL_PORT ?? "3353";
const saved = { ...process.env };

const fromIp = (ip: string): SpamMessage => ({
  headers: [
    { name: "Received", value: `from mx.lab.test ([10.1.2.3]) by mail.example.test with LMTP; Mon, 2 Mar 2026 10:00:02 +0000` },
    { name: "Received", value: `from sender.example (unknown [${ip}]) by mx.lab.test with ESMTP; Mon, 2 Mar 2026 10:00:01 +0000` },
    { name: "Subject", value: "Hello" },
    { name: "Date", value: "Mon, 2 Mar 2026 10:00:00 +0000" },
    { name: "Message-ID", value: `<dnsbl-${ip}@sender.example>` },
  ],
  text: "Hello there",
  html: null,
  attachments: [],
});

beforeAll(async () => {
  process.env.SPAM_DNSBL_ZONES = "bl.test=3";
  process.env.SPAM_DNSBL_SERVER = `127.0.0.1:${PORT}`;
  process.env.SPAM_DNSBL_TIMEOUT_MS = "300";
  resetConfigForTests();
  await getDb().spamDnsblCache.deleteMany({});
});
afterAll(() => {
  process.env = saved;
  resetConfigForTests();
});

describe("DNS blocklists", () => {
  it("adds the admin's points when the originating IP is listed, and names the list in the explanation", async () => {
    const report = await evaluateMessage("dnsbl@example.test", fromIp("192.0.2.99"));
    expect(report.rules).toContainEqual({
      rule: "DNSBL_bl.test",
      points: 3,
      description: "The sending server 192.0.2.99 is on the blocklist bl.test",
      values: { ip: "192.0.2.99", zone: "bl.test" }, // what the panel says it in the reader's language with
    });
    const clean = await evaluateMessage("dnsbl@example.test", fromIp("192.0.2.1"));
    expect(clean.rules.some((r) => r.rule.startsWith("DNSBL_"))).toBe(false);
  });

  it("remembers answers in the shared database for an hour", async () => {
    const row = await getDb().spamDnsblCache.findUnique({ where: { zone_ip: { zone: "bl.test", ip: "192.0.2.99" } } });
    expect(row?.listed).toBe(true);
    // within the hour the cached answer is used: a list gone silent changes nothing
    process.env.SPAM_DNSBL_SERVER = "127.0.0.1:9"; // nothing answers there
    resetConfigForTests();
    expect(await dnsblHits("192.0.2.99")).toHaveLength(1);
    // after it, an unanswered query is bounded by the timeout and adds nothing
    const later = Date.now() + (DNSBL_CACHE_MINUTES + 1) * 60_000;
    const started = Date.now();
    expect(await dnsblHits("192.0.2.99", undefined, later)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("asks nothing when no list is configured (the default) or the message names no outside hop", async () => {
    process.env.SPAM_DNSBL_ZONES = "";
    resetConfigForTests();
    expect(await dnsblHits("192.0.2.99")).toEqual([]);
    expect(originatingIp({ headers: [], text: "", html: null, attachments: [] })).toBeNull();
  });
});
