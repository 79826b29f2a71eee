import { describe, expect, it } from "vitest";
import { attributionLine, englishQuoteWords, forwardBody, forwardSubject, quoteText, replyBody, replySubject } from "./quote-original";

const alice = [{ name: "Alice Example", address: "alice@example.test" }];

describe("subjects", () => {
  it("adds Re:/Fwd: once", () => {
    expect(replySubject("Lunch")).toBe("Re: Lunch");
    expect(replySubject("RE: Lunch")).toBe("RE: Lunch");
    expect(forwardSubject("Lunch")).toBe("Fwd: Lunch");
    expect(forwardSubject("Fw: Lunch")).toBe("Fw: Lunch");
    expect(replySubject("")).toBe("Re: ");
  });
});

describe("attributionLine", () => {
  it("names the sender and the date in UTC", () => {
    expect(attributionLine(alice, "2025-11-04T10:05:00.000Z")).toBe(
      "On Tue, 4 Nov 2025 at 10:05 UTC, Alice Example <alice@example.test> wrote:",
    );
  });
  it("does without a date", () => {
    expect(attributionLine(alice, null)).toBe("Alice Example <alice@example.test> wrote:");
  });
});

describe("quoteText", () => {
  it("prefixes every line, nests existing quotes and trims the trailing blank lines", () => {
    expect(quoteText("Hi Bob,\r\n\r\n> earlier\nbye\n\n")).toBe("> Hi Bob,\n>\n>> earlier\n> bye");
  });
});

describe("replyBody", () => {
  it("leaves room above the attribution and the quote", () => {
    expect(replyBody({ from: alice, date: null, text: "Line one\nLine two" })).toBe(
      "\n\nAlice Example <alice@example.test> wrote:\n> Line one\n> Line two\n",
    );
  });
});

describe("forwardBody", () => {
  it("starts with a header block of the original", () => {
    const body = forwardBody(
      { from: alice, to: [{ name: "", address: "bob@example.test" }], cc: [], date: "2025-11-04T10:05:00Z", subject: "Plan" },
      "The plan.\n",
    );
    expect(body).toBe(
      "\n\n---------- Forwarded message ----------\nFrom: Alice Example <alice@example.test>\n" +
        "Date: Tue, 4 Nov 2025 at 10:05 UTC\nSubject: Plan\nTo: bob@example.test\n\nThe plan.\n",
    );
  });
});

describe("the writer's time zone", () => {
  it("writes the date in it, in the same form, without the UTC label", () => {
    const berlin = englishQuoteWords("Europe/Berlin");
    expect(attributionLine(alice, "2025-11-04T10:05:00.000Z", berlin)).toBe("On Tue, 4 Nov 2025 at 11:05, Alice Example <alice@example.test> wrote:");
    expect(attributionLine(alice, "2025-11-04T23:30:00.000Z", englishQuoteWords("Asia/Bangkok"))).toBe("On Wed, 5 Nov 2025 at 06:30, Alice Example <alice@example.test> wrote:");
  });
  it("leaves an unreadable date out of a forward instead of writing an empty Date line", () => {
    const body = forwardBody({ from: alice, to: [], cc: [], date: "not a date", subject: "Hi" }, "text");
    expect(body).not.toContain("Date:");
  });
});
