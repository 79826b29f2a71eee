import { describe, expect, it } from "vitest";
import { attributionLine, forwardBody, replyBody } from "@/lib/compose/quote-original";
import { quoteWordsFor } from "./quote-words";

const carol = [{ name: "Carol Diaz", address: "carol@example.test" }];
const bob = [{ name: "", address: "bob@example.test" }];
const MARCH_2 = "2026-03-02T10:00:00.000Z";

describe("quote words in the writer's language", () => {
  it("writes a German attribution and forward header, in the writer's zone", () => {
    const de = quoteWordsFor("de", "Europe/Berlin");
    expect(replyBody({ from: carol, date: MARCH_2, text: "Mittag?" }, de)).toBe("\n\nAm 02.03.2026, 11:00 schrieb Carol Diaz <carol@example.test>:\n> Mittag?\n");
    const forward = forwardBody({ from: carol, to: bob, cc: [], date: MARCH_2, subject: "Plan" }, "Text", de);
    expect(forward).toContain("---------- Weitergeleitete Nachricht ----------\nVon: Carol Diaz <carol@example.test>\nDatum: 02.03.2026, 11:00\nBetreff: Plan\nAn: bob@example.test");
  });
  it("writes Thai, and says UTC when the writer's zone is not known", () => {
    const th = quoteWordsFor("th", "UTC");
    expect(attributionLine(carol, MARCH_2, th)).toMatch(/^เมื่อ .*2569.* UTC Carol Diaz <carol@example\.test> เขียนว่า:$/);
    expect(attributionLine(carol, null, th)).toBe("Carol Diaz <carol@example.test> เขียนว่า:");
  });
  it("keeps English in its established form", () => {
    expect(attributionLine(carol, MARCH_2, quoteWordsFor("en", "UTC"))).toBe("On Mon, 2 Mar 2026 at 10:00 UTC, Carol Diaz <carol@example.test> wrote:");
  });
});
