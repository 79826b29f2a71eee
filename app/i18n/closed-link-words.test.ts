import { describe, expect, it } from "vitest";
import { closedLinkDocument } from "@/lib/read-links/closed-link-document";
import { closedLinkWords } from "./closed-link-words";

const link = { state: "opened" as const, at: new Date("2026-11-23T10:15:00Z"), senderName: "Eve <x>", senderAddress: "eve@example.test" };

describe("closedLinkWords", () => {
  it("says the closed link page in the visitor's language, the sender escaped and marked as data", () => {
    const html = closedLinkDocument(link, closedLinkWords(link, "de-DE,de;q=0.9"));
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<p>Von <span translate="no">Eve &#60;x&#62; &#60;eve@example.test&#62;</span></p>');
    expect(html).toContain("Diese Nachricht wurde am 23. November 2026 um 10:15 UTC geöffnet.");
  });
  it("says the time in the visitor's time zone once their browser has told it, and UTC for a zone that is not one", () => {
    expect(closedLinkWords(link, "de", "Asia/Bangkok").sentence).toBe("Diese Nachricht wurde am 23. November 2026 um 17:15 geöffnet. Sie konnte nur einmal gelesen werden und ist nicht mehr gespeichert.");
    expect(closedLinkWords(link, "de", "Not/AZone").sentence).toContain("um 10:15 UTC geöffnet");
  });
  it("falls back to English for a language Postern does not speak", () => {
    expect(closedLinkDocument(link, closedLinkWords(link, "fr"))).toContain("This message was opened on November 23, 2026");
  });
});
