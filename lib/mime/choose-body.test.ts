import { describe, expect, it } from "vitest";
import { chooseBody } from "@/lib/mime/choose-body";

describe("chooseBody", () => {
  const both = { html: "<p>Hi</p>", text: "Hi" };

  it("prefers HTML when there is any", () => {
    expect(chooseBody(both, { preferPlainText: false })).toEqual({ kind: "html", html: "<p>Hi</p>" });
  });

  it("shows the text when the user prefers plain text and there is some", () => {
    expect(chooseBody(both, { preferPlainText: true })).toEqual({ kind: "text", text: "Hi" });
  });

  it("falls back to HTML when plain text is preferred but there is none", () => {
    expect(chooseBody({ html: "<p>Hi</p>", text: null }, { preferPlainText: true })).toEqual({ kind: "html", html: "<p>Hi</p>" });
    expect(chooseBody({ html: "<p>Hi</p>", text: " \n" }, { preferPlainText: true })).toEqual({ kind: "html", html: "<p>Hi</p>" });
  });

  it("shows text when there is no HTML", () => {
    expect(chooseBody({ html: null, text: "Hi" }, { preferPlainText: false })).toEqual({ kind: "text", text: "Hi" });
  });

  it("treats whitespace-only bodies as no body", () => {
    expect(chooseBody({ html: "  \n", text: "Hi" }, { preferPlainText: false })).toEqual({ kind: "text", text: "Hi" });
    expect(chooseBody({ html: " ", text: "\n" }, { preferPlainText: false })).toEqual({ kind: "empty" });
    expect(chooseBody({ html: null, text: null }, { preferPlainText: true })).toEqual({ kind: "empty" });
  });
});
