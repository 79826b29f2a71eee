import type { MessageStructureObject } from "imapflow";
import { describe, expect, it } from "vitest";
import { binaryFetchable, findPart } from "./find-part";

const leaf = (type: string): MessageStructureObject => ({ type }) as MessageStructureObject;
const multi = (type: string, ...childNodes: MessageStructureObject[]) => ({ type, childNodes }) as MessageStructureObject;
const message = (inner: MessageStructureObject) => ({ type: "message/rfc822", childNodes: [inner] }) as MessageStructureObject;

describe("findPart", () => {
  it("numbers a single-part message's body 1", () => {
    const root = leaf("text/plain");
    expect(findPart(root, "1")).toBe(root);
    expect(findPart(root, "2")).toBeNull();
  });

  it("finds nested parts and attached messages as Dovecot numbers them", () => {
    const png = leaf("image/png");
    const att = message(multi("multipart/mixed", leaf("text/plain"), png));
    const root = multi("multipart/mixed", leaf("text/plain"), att);
    expect(findPart(root, "2")).toBe(att);
    expect(findPart(root, "2.2")).toBe(png);
    expect(findPart(root, "3")).toBeNull();
    expect(findPart(root, "2.3")).toBeNull();
  });

  it("numbers the body of a single-part attached message n.1", () => {
    const pdf = leaf("application/pdf");
    const root = message(pdf);
    expect(findPart(root, "1")).toBe(root);
    expect(findPart(root, "1.1")).toBe(pdf);
  });

  it("lets BINARY fetch leaves only", () => {
    expect(binaryFetchable(leaf("image/png"))).toBe(true);
    expect(binaryFetchable(message(leaf("text/plain")))).toBe(false);
    expect(binaryFetchable(multi("multipart/mixed"))).toBe(false);
  });
});
