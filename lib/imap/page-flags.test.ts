import { describe, expect, it } from "vitest";
import { ANSWERED, FLAGGED, SEEN, flagBits } from "./page-flags";

describe("flagBits", () => {
  it("keeps the three flags a list row shows and nothing else", () => {
    expect(flagBits(undefined)).toBe(0);
    expect(flagBits(new Set())).toBe(0);
    expect(flagBits(new Set(["\\Seen"]))).toBe(SEEN);
    expect(flagBits(new Set(["\\Seen", "\\Flagged", "\\Answered", "\\Draft", "$Junk"]))).toBe(SEEN | FLAGGED | ANSWERED);
    expect(flagBits(new Set(["\\seen", "Seen"]))).toBe(0); // imapflow gives system flags as the RFC spells them
  });
});
