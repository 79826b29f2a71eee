import { parser } from "imapflow/lib/handler/imap-handler.js";
import { formatMessageResponse } from "imapflow/lib/tools.js";
import type { FetchMessageObject } from "imapflow";
import { describe, expect, it } from "vitest";
import { randomSource } from "@/lib/mime/fuzz-messages";
import { toSummary } from "./fetch-summaries";

// Issue 18: one message whose Date header could not be read made the list page answer 500 for
// everyone. The whole list path (imapflow's parser → its FETCH formatter → Postern's row code)
// gets generated FETCH responses of the shapes senders and servers produce; no row may throw and
// every field must be something the page can show. Deterministic for the seed.

type Random = () => number;
const pick = <T,>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const DATES = [
  "Whenever", "", "Tue, 4 Mar 2025 10:20:30 +0100", "Sat, 1 Jan 275761 00:00:00 +0000", "Mon, 31 Feb 2025 99:99:99 +9999",
  "32 Dec -0001", "1735689600", "Thu, 01 Jan 1970 00:00:00 GMT", "\u00e9t\u00e9 2024", "0000-00-00",
];
const STRINGS = [
  "NIL", '""', '"Hello"', '"=?utf-8?B?SGFsbG8gV2VsdA==?="', '"=?x-unknown?Q?caf=E9?="', '"=?utf-8?Q?broken', '"\\"quoted\\""',
  "{7}\r\nFr\xf6sche", "{5}\r\n\xff\xfe\x00\x01x", '"' + "x".repeat(5000) + '"',
];
const ADDRESS = [
  '(NIL NIL "user" "example.test")', '("Whomever" NIL NIL NIL)', '(NIL NIL "undisclosed-recipients" NIL)', "(NIL NIL NIL NIL)",
  '("=?utf-8?Q?J=C3=BCrgen?=" NIL "j" "example.test")', '("" NIL "" "")', '(NIL NIL "a" NIL)', '({6}\r\nJ\xfcrgen NIL "j" "x.test")',
];
const FLAGS = ["()", "(\\Seen)", "(\\Seen \\Flagged \\Answered)", "($Junk $label1 NonJunk)", "(\\Recent \\Deleted $a]b)", "(\\Seen \\Seen)"];
const SIZES = ["0", "1024", "4294967295", "99999999999999999999", "-1"];
const INTERNAL = ['"06-Dec-2026 07:00:00 +0000"', '"not a date"', '"31-Feb-2026 25:61:61 +9999"'];
const LEAVES = [
  '("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 10 1 NIL NIL NIL NIL)',
  '("image" "png" NIL "<a@b>" NIL "base64" 100 NIL ("attachment" ("filename" "x.png")) NIL NIL)',
  '("application" "octet-stream" ("name" "=?utf-8?Q?f=C3=BC.bin?=") NIL NIL "base64" 99999999999 NIL ("inline" NIL) NIL NIL)',
  "(NIL NIL NIL NIL NIL NIL 0)",
  '("message" "rfc822" NIL NIL NIL "7bit" 50 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" NIL NIL NIL "7bit" 5 1) 2)',
];

function addressList(r: Random): string {
  const n = Math.floor(r() * 4);
  return n === 0 ? "NIL" : "(" + Array.from({ length: n }, () => pick(r, ADDRESS)).join("") + ")";
}

function structure(r: Random, depth: number): string {
  if (depth > 0 && r() < 0.4) {
    const parts = Array.from({ length: 1 + Math.floor(r() * 3) }, () => structure(r, depth - 1)).join("");
    return `(${parts} "${pick(r, ["mixed", "related", "alternative", "weird"])}" ("boundary" "b") NIL NIL)`;
  }
  return pick(r, LEAVES);
}

function fetchLine(r: Random, uid: number): Buffer {
  const date = r() < 0.15 ? "NIL" : `"${pick(r, DATES)}"`;
  const envelope = `(${date} ${pick(r, STRINGS)} ${addressList(r)} ${addressList(r)} ${addressList(r)} ${addressList(r)} ${addressList(r)} NIL NIL "<id${uid}@x>")`;
  const body = r() < 0.1 ? "" : ` BODYSTRUCTURE ${structure(r, 4)}`;
  const line = `* ${uid} FETCH (UID ${uid} FLAGS ${pick(r, FLAGS)} INTERNALDATE ${pick(r, INTERNAL)} RFC822.SIZE ${pick(r, SIZES)} ENVELOPE ${envelope}${body})`;
  return Buffer.from(line, "latin1");
}

async function row(line: Buffer): Promise<FetchMessageObject | null> {
  const untagged = await parser(line).catch(() => null);
  if (!untagged) return null; // refused by imapflow's parser: the row never reaches Postern
  return (await formatMessageResponse(untagged, {} as never, "md5", {} as never)) as FetchMessageObject;
}

describe("the list row code never throws on what a server sends", () => {
  // the timeout bounds runaway work on a busy machine (about 2 s on an idle one), not speed
  it("turns 2,000 generated FETCH responses into rows the page can show", { timeout: 120_000 }, async () => {
    const r = randomSource(20261206);
    let reached = 0;
    for (let uid = 1; uid <= 2000; uid++) {
      const line = fetchLine(r, uid);
      const m = await row(line);
      if (!m) continue;
      reached++;
      const s = (() => {
        try {
          return toSummary(m);
        } catch (e) {
          throw new Error(`row ${uid} threw on ${line.toString("latin1").slice(0, 300)}: ${String(e)}`);
        }
      })();
      expect(typeof s.subject).toBe("string");
      expect(s.date === null || !Number.isNaN(Date.parse(s.date))).toBe(true);
      expect(Number.isSafeInteger(s.size) && s.size >= 0).toBe(true);
      expect(s.from === null || (typeof s.from.name === "string" && typeof s.from.address === "string")).toBe(true);
      for (const a of s.to) expect(a.name || a.address).toBeTruthy();
      expect(typeof s.hasAttachments).toBe("boolean");
      expect(() => JSON.stringify(s)).not.toThrow();
    }
    expect(reached).toBeGreaterThan(1500);
  });

  it("shows an unreadable Date header as the arrival time, and no date at all as unknown", async () => {
    const base = '* 1 FETCH (UID 7 FLAGS () INTERNALDATE "06-Dec-2026 07:00:00 +0000" RFC822.SIZE 10 ENVELOPE ("Whenever" "Hi" NIL NIL NIL NIL NIL NIL NIL NIL))';
    expect(toSummary((await row(Buffer.from(base)))!).date).toBe("2026-12-06T07:00:00.000Z");
    const neither = base.replace('"06-Dec-2026 07:00:00 +0000"', '"never"');
    expect(toSummary((await row(Buffer.from(neither)))!).date).toBeNull();
  });

  it("keeps a group name and drops an empty address instead of showing 'Whomever <>' as an address", async () => {
    const line = '* 1 FETCH (UID 8 FLAGS () RFC822.SIZE 10 ENVELOPE (NIL "x" (("Whomever" NIL NIL NIL)) NIL NIL ((NIL NIL "team" NIL)(NIL NIL "a" "x.test")(NIL NIL NIL NIL)) NIL NIL NIL NIL))';
    const s = toSummary((await row(Buffer.from(line)))!);
    expect(s.from).toEqual({ name: "Whomever", address: "" });
    expect(s.to).toEqual([{ name: "team", address: "" }, { name: "", address: "a@x.test" }]);
  });
});
