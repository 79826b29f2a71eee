import { describe, expect, it } from "vitest";
import { openingNoticeText } from "@/lib/read-links/opening-notices";
import { openingNoticeWords } from "./opening-notice-words";

const receipt = {
  recipient: "bob@example.test",
  subject: "Q4 plan",
  openedAt: new Date("2026-12-06T10:00:00Z"),
  openedAgent: "Firefox on Linux",
  createdAt: new Date("2026-12-05T08:30:00Z"),
};

describe("the read-link opening notice", () => {
  it("is in the reader's language and time zone", async () => {
    const de = await openingNoticeWords("de", "Europe/Berlin")(receipt);
    expect(de.subject).toBe("Geöffnet: Q4 plan — von bob@example.test");
    expect(de.text).toContain("bob@example.test hat Ihre Nachricht „Q4 plan“ am Sonntag, 6. Dezember 2026 um 11:00 geöffnet, in Firefox unter Linux.");
    expect(de.text).toContain("am Samstag, 5. Dezember 2026 um 09:30 mit einem Einmal-Link");
    expect(de.text).not.toContain("UTC");
  });
  it("says UTC when the reader's zone is not known, and names a missing subject", async () => {
    const th = await openingNoticeWords("th", "UTC")({ ...receipt, subject: "", openedAgent: null });
    expect(th.subject).toBe("เปิดแล้ว: (ไม่มีหัวเรื่อง) — โดย bob@example.test");
    expect(th.text).toMatch(/UTC/);
    expect(th.text).not.toContain(" ใน ");
  });
  it("in English says what the English default says, in the reader's zone", async () => {
    const en = await openingNoticeWords("en", "UTC")(receipt);
    expect(en.subject).toBe("Opened: Q4 plan — by bob@example.test");
    expect(en.text.split("\n")[0]).toMatch(/^bob@example\.test opened your message “Q4 plan” on Sunday, December 6, 2026 at 10:00 AM UTC, in Firefox on Linux\.$/);
    expect(en.text.split("\n").length).toBe(openingNoticeText(receipt).split("\n").length);
  });
});
