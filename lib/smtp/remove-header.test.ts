import { describe, expect, it } from "vitest";
import { removeHeaderField } from "./remove-header";

const msg = (s: string) => Buffer.from(s, "latin1");

describe("removeHeaderField", () => {
  it("removes a folded field and leaves the body alone", () => {
    const raw = msg("From: a@x\r\nBcc: b@x,\r\n c@x\r\nSubject: s\r\n\r\nBcc: in the body\r\n");
    expect(removeHeaderField(raw, "bcc").toString("latin1")).toBe("From: a@x\r\nSubject: s\r\n\r\nBcc: in the body\r\n");
  });

  it("removes the last header field without adding a blank line", () => {
    const raw = msg("From: a@x\r\nBcc: b@x\r\n\r\nbody");
    expect(removeHeaderField(raw, "Bcc").toString("latin1")).toBe("From: a@x\r\n\r\nbody");
  });

  it("does not touch fields that only start with the name", () => {
    const raw = msg("Bcc-Note: keep\r\n\r\n");
    expect(removeHeaderField(raw, "Bcc").toString("latin1")).toBe("Bcc-Note: keep\r\n\r\n");
  });

  it("keeps bytes outside ASCII intact", () => {
    const raw = Buffer.concat([msg("Bcc: x\r\nA: b\r\n\r\n"), Buffer.from([0xff, 0x00, 0xc3, 0xa9])]);
    expect([...removeHeaderField(raw, "Bcc")]).toEqual([...msg("A: b\r\n\r\n"), 0xff, 0x00, 0xc3, 0xa9]);
  });
});
