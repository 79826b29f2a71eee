import { describe, expect, it } from "vitest";
import { planCollection, type SeenEntry } from "./plan-collection";

const NOW = new Date("2026-12-06T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const msg = (number: number, uidl: string, size = 100) => ({ number, uidl, size });
const opts = { now: NOW, deleteAfterDays: null, maxMessages: 10, maxBytes: 10_000, maxMessageBytes: 5_000 };

describe("planCollection", () => {
  it("fetches only what was never stored, and forgets what the server no longer lists", () => {
    const seen = new Map<string, SeenEntry>([
      ["a", { state: "stored", storedAt: daysAgo(1) }],
      ["gone", { state: "stored", storedAt: daysAgo(9) }],
    ]);
    const plan = planCollection([msg(1, "a"), msg(2, "b")], seen, opts);
    expect(plan.fetch.map((m) => m.uidl)).toEqual(["b"]);
    expect(plan.prune).toEqual(["gone"]);
    expect(plan.remove).toEqual([]);
  });

  it("looks again for a message an interrupted run meant to store", () => {
    const plan = planCollection([msg(1, "p")], new Map([["p", { state: "pending", storedAt: null } as SeenEntry]]), opts);
    expect(plan.fetch.map((m) => m.uidl)).toEqual(["p"]);
    expect([...plan.resume]).toEqual(["p"]);
  });

  it("deletes stored messages N days after they were stored, never unstored ones", () => {
    const seen = new Map<string, SeenEntry>([
      ["old", { state: "stored", storedAt: daysAgo(8) }],
      ["young", { state: "stored", storedAt: daysAgo(2) }],
      ["pending", { state: "pending", storedAt: null }],
    ]);
    const plan = planCollection([msg(1, "old"), msg(2, "young"), msg(3, "pending")], seen, { ...opts, deleteAfterDays: 7 });
    expect(plan.remove.map((m) => m.uidl)).toEqual(["old"]);
    expect(planCollection([msg(1, "old")], seen, opts).remove).toEqual([]);
  });

  it("stops at the per-run caps, leaving the rest for the next run", () => {
    const listing = [msg(1, "a", 4000), msg(2, "b", 4000), msg(3, "c", 4000), msg(4, "d", 10)];
    const byBytes = planCollection(listing, new Map(), opts);
    expect(byBytes.fetch.map((m) => m.uidl)).toEqual(["a", "b", "d"]);
    expect(byBytes.more).toBe(true);
    const byCount = planCollection(listing, new Map(), { ...opts, maxMessages: 1 });
    expect(byCount.fetch.map((m) => m.uidl)).toEqual(["a"]);
  });

  it("leaves a message over the size limit on the server and says so", () => {
    const seen = new Map<string, SeenEntry>([["lied", { state: "too-large", storedAt: null }]]);
    const plan = planCollection([msg(1, "huge", 6000), msg(2, "ok"), msg(3, "lied")], seen, opts);
    expect(plan.tooLarge.map((m) => m.uidl)).toEqual(["huge", "lied"]);
    expect(plan.fetch.map((m) => m.uidl)).toEqual(["ok"]);
  });
});
