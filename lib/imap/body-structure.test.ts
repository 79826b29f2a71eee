import type { MessageStructureObject } from "imapflow";
import { describe, expect, it } from "vitest";
import { hasAttachments } from "./body-structure";

const leaf = (type: string, extra: Partial<MessageStructureObject> = {}): MessageStructureObject =>
  ({ type, ...extra }) as MessageStructureObject;
const multi = (type: string, childNodes: MessageStructureObject[]): MessageStructureObject =>
  ({ type, childNodes }) as MessageStructureObject;

describe("hasAttachments", () => {
  it("is false for plain text and for text+html alternatives", () => {
    expect(hasAttachments(leaf("text/plain"))).toBe(false);
    expect(hasAttachments(multi("multipart/alternative", [leaf("text/plain"), leaf("text/html")]))).toBe(false);
  });
  it("is false for images that belong to the HTML body (multipart/related)", () => {
    const m = multi("multipart/related", [leaf("text/html"), leaf("image/png", { disposition: "inline" })]);
    expect(hasAttachments(m)).toBe(false);
  });
  it("is true for a PDF in multipart/mixed, and for a part marked attachment even if text", () => {
    expect(hasAttachments(multi("multipart/mixed", [leaf("text/plain"), leaf("application/pdf")]))).toBe(true);
    expect(hasAttachments(multi("multipart/mixed", [leaf("text/plain"), leaf("text/csv", { disposition: "attachment" })]))).toBe(true);
  });
  it("is false when the structure is missing", () => {
    expect(hasAttachments(undefined)).toBe(false);
  });
});
