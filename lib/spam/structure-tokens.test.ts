import { describe, expect, it } from "vitest";
import { structureTokens } from "./structure-tokens";

describe("structureTokens", () => {
  it("names the header fields present and the MIME shape, once each", () => {
    const tokens = structureTokens({
      headers: [
        { name: "X-Mailer", value: "Bulk 2.0" },
        { name: "Received", value: "a" },
        { name: "Received", value: "b" },
        { name: "Content-Type", value: "text/html; charset=us-ascii" },
      ],
      text: null,
      html: "<p>hi</p>",
      attachments: [],
    });
    expect(tokens).toEqual(["Header*x-mailer", "Header*received", "Header*content-type", "Mime*text/html", "Mime*html", "Mime*attachments-0"]);
  });
});
