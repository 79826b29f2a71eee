import { describe, expect, it } from "vitest";
import { toQueuedMessage, transition, type OutboxEvent, type OutboxState } from "./outbox-state";

const STATES: OutboxState[] = ["waiting", "sending", "accepted", "sent", "failed", "cancelled"];
const EVENTS: OutboxEvent[] = ["claim", "cancel", "accept", "fail", "complete"];

describe("outbox state machine", () => {
  it("allows exactly these moves", () => {
    const moves = STATES.flatMap((s) => EVENTS.flatMap((e) => (transition(s, e) ? [`${s} -${e}-> ${transition(s, e)}`] : [])));
    expect(moves).toEqual([
      "waiting -claim-> sending",
      "waiting -cancel-> cancelled",
      "sending -claim-> sending",
      "sending -accept-> accepted",
      "sending -fail-> failed",
      "accepted -claim-> accepted",
      "accepted -complete-> sent",
    ]);
  });

  it("never submits an accepted message again: reclaiming it leads only to filing", () => {
    expect(transition("accepted", "claim")).toBe("accepted");
    expect(transition("accepted", "accept")).toBeNull();
    expect(transition("accepted", "fail")).toBeNull();
  });

  it("undo is too late once a process has claimed the message", () => {
    for (const s of STATES.filter((x) => x !== "waiting")) expect(transition(s, "cancel")).toBeNull();
  });

  it("finished jobs are final", () => {
    for (const s of ["sent", "failed", "cancelled"] as const) for (const e of EVENTS) expect(transition(s, e)).toBeNull();
  });
});

describe("toQueuedMessage", () => {
  const row = { id: "j1", sendAt: new Date(10_000), draftFolder: "Drafts", draftUid: 7, result: null };

  it("counts down while waiting, and shows an accepted job as still sending", () => {
    expect(toQueuedMessage({ ...row, state: "waiting" }, 4_000)).toMatchObject({ state: "waiting", remainingMs: 6_000, draft: { folder: "Drafts", uid: 7 } });
    expect(toQueuedMessage({ ...row, state: "accepted" }, 20_000)).toMatchObject({ state: "sending", remainingMs: 0 });
  });

  it("carries the warnings of a sent job and the reason of a failed one", () => {
    const sent = toQueuedMessage({ ...row, state: "sent", result: JSON.stringify({ warnings: ["w"] }) }, 0);
    expect(sent).toMatchObject({ state: "sent", warnings: ["w"], error: null });
    const failed = toQueuedMessage({ ...row, state: "failed", result: JSON.stringify({ error: { code: "SMTP_UNAVAILABLE", message: "later" } }) }, 0);
    expect(failed).toMatchObject({ state: "failed", error: { code: "SMTP_UNAVAILABLE", message: "later" } });
  });

  it("a damaged row reads as failed with a reason, never as sending forever", () => {
    expect(toQueuedMessage({ ...row, state: "bogus", result: "{not json" }, 0)).toMatchObject({ state: "failed", error: { code: "INTERNAL" } });
  });
});
