import { describe, expect, it } from "vitest";
import type { Identity } from "./identity-types";
import { pickIdentity, signatureBlock, swapHtmlSignature, swapSignature, withSignature } from "./pick-identity";

const id = (address: string, isDefault = false, signature = ""): Identity => ({ id: address, name: "", address, replyTo: "", signature, isDefault, verified: true });
const list = [id("bob@example.test", true, "Bob"), id("sales@example.test", false, "Sales team")];

describe("pickIdentity", () => {
  it("answers as the identity the message was sent to, case-insensitively", () => {
    expect(pickIdentity(list, [{ name: "", address: "Sales@Example.test" }]).address).toBe("sales@example.test");
  });
  it("falls back to the default", () => {
    expect(pickIdentity(list, [{ name: "", address: "other@example.test" }]).address).toBe("bob@example.test");
  });
});

describe("signatures", () => {
  it("uses the -- separator", () => {
    expect(signatureBlock("  Bob\r\nExample Inc.  ")).toBe("-- \nBob\nExample Inc.");
    expect(signatureBlock("  ")).toBe("");
  });
  it("goes after a new message's text and above a reply's quote", () => {
    expect(withSignature("", "Bob")).toBe("\n\n-- \nBob\n");
    expect(withSignature("\n\nOn Mon, Alice wrote:\n> hi\n", "Bob")).toBe("\n\n-- \nBob\n\nOn Mon, Alice wrote:\n> hi\n");
  });
  it("is swapped when the identity changes, removed when the new one has none", () => {
    const body = "Hi\n\n-- \nBob\n";
    expect(swapSignature(body, "Bob", "Sales team")).toBe("Hi\n\n-- \nSales team\n");
    expect(swapSignature(body, "Bob", "")).toBe("Hi\n");
    expect(swapSignature("Hi (signature deleted)", "Bob", "Sales team")).toBe("Hi (signature deleted)");
  });
});

describe("swapHtmlSignature (rich text)", () => {
  const body = "<p>Hi</p><p>-- <br>Bob<br>Postern team</p><p>On Mon, Carol wrote:</p><blockquote><p>Noon?</p></blockquote>";
  it("replaces the signature paragraph, escaping the new one", () => {
    expect(swapHtmlSignature(body, "Bob\nPostern team", "Sales <desk>")).toBe(
      "<p>Hi</p><p>-- <br>Sales &lt;desk&gt;</p><p>On Mon, Carol wrote:</p><blockquote><p>Noon?</p></blockquote>",
    );
    expect(swapHtmlSignature(body, "Bob\nPostern team", "")).toBe("<p>Hi</p><p>On Mon, Carol wrote:</p><blockquote><p>Noon?</p></blockquote>");
  });
  it("adds one where there was none (above a quote), leaves an edited one alone", () => {
    expect(swapHtmlSignature("<p></p><blockquote><p>q</p></blockquote>", "", "Sales")).toBe("<p></p><p>-- <br>Sales</p><blockquote><p>q</p></blockquote>");
    expect(swapHtmlSignature("<p>Hi, Bob (edited)</p>", "Bob", "Sales")).toBe("<p>Hi, Bob (edited)</p>");
  });
});
