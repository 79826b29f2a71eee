import { describe, expect, it } from "vitest";
import type { MessageSummary } from "./list-messages";
import { sampleUids, summarizeThread, type FlagState } from "./thread-summary";

const person = (name: string) => ({ name, address: `${name.toLowerCase()}@example.test` });
function summary(uid: number, from: string, extra: Partial<MessageSummary> = {}): MessageSummary {
  return {
    uid,
    subject: uid === 1 ? "Offsite planning" : "Re: Offsite planning",
    from: person(from),
    to: [],
    date: new Date(Date.UTC(2026, 0, uid)).toISOString(),
    size: 1000,
    seen: true,
    flagged: false,
    answered: false,
    hasAttachments: false,
    ...extra,
  };
}
const flagsOf = (entries: [number, Partial<FlagState>][]) =>
  new Map(entries.map(([uid, f]) => [uid, { seen: true, flagged: false, ...f }]));

describe("sampleUids", () => {
  it("takes the whole of a short thread, the first and newest of a long one", () => {
    expect(sampleUids([1, 2, 3])).toEqual([1, 2, 3]);
    expect(sampleUids([1, 2, 3, 4, 5, 6], 3)).toEqual([1, 5, 6]);
  });
});

describe("summarizeThread", () => {
  it("counts, lists senders once in order, and takes subject and date from first and newest", () => {
    const uids = [1, 2, 3, 4];
    const sampled = new Map([summary(1, "Bob"), summary(2, "Carol"), summary(3, "Dave"), summary(4, "Bob", { hasAttachments: true })].map((m) => [m.uid, m]));
    const t = summarizeThread(uids, flagsOf([[1, {}], [2, {}], [3, { seen: false }], [4, { seen: false, flagged: true }]]), sampled);
    expect(t).toMatchObject({
      uid: 4,
      uids,
      count: 4,
      subject: "Offsite planning",
      participants: [person("Bob"), person("Carol"), person("Dave")],
      date: sampled.get(4)!.date,
      unread: 2,
      flagged: true,
      hasAttachments: true,
    });
  });

  it("leaves out messages that vanished since threading", () => {
    const t = summarizeThread([1, 2, 3], flagsOf([[1, {}], [2, {}]]), new Map([[1, summary(1, "Bob")], [2, summary(2, "Carol")]]));
    expect(t).toMatchObject({ uid: 2, uids: [1, 2], count: 2 });
    expect(summarizeThread([5, 6], new Map(), new Map())).toBeNull();
  });
});
