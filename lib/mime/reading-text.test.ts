import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMessage } from "@/lib/mime/parse-message";
import { readingText } from "@/lib/mime/reading-text";
import { FIXTURES } from "@/tests/fixtures/mime/view-fixture";

describe("readingText", () => {
  it("gives the message's own text with each inline forward as headers and text where it stands, not attached ones", async () => {
    const msg = await parseMessage(fs.readFileSync(path.join(FIXTURES, "inline-and-attached-rfc822.eml")));
    expect(readingText(msg)?.split("\n")).toEqual([
      "Both messages below, and the old one attached.",
      "",
      "From: Dana <dana@elsewhere.test>",
      "Subject: First question",
      "Date: Wed, 09 Jul 2025 08:00:00 GMT",
      "To: bob@example.test",
      "",
      "Can we meet on Friday?",
      "",
      "From: Frida <frida@elsewhere.test>",
      "Subject: Second question",
      "Date: Wed, 09 Jul 2025 09:30:00 GMT",
      "To: bob@example.test",
      "",
      "Friday works, agenda attached.",
      "",
      "Talk soon, Bob",
    ]);
  });

  it("is the text itself when nothing is inline", async () => {
    const msg = await parseMessage(fs.readFileSync(path.join(FIXTURES, "forwarded-rfc822.eml")));
    expect(readingText(msg)).toBe(msg.text);
  });
});
