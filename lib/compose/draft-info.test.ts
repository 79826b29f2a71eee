import { describe, expect, it } from "vitest";
import { decodeDraftInfo, encodeDraftInfo, restoreBody, type DraftInfo } from "./draft-info";

const info: DraftInfo = {
  context: { kind: "reply", original: { folder: "Archiv/2026", uid: 42 } },
  to: "Jörg <jörg@bücher.de>, half@",
  cc: "",
  bcc: "x".repeat(500),
  endsWithNewline: false,
};

describe("draft info", () => {
  it("round-trips, in words short enough to fold", () => {
    const value = encodeDraftInfo(info);
    expect(value.split(" ").every((w) => w.length <= 64)).toBe(true);
    expect(decodeDraftInfo(value)).toEqual(info);
    // Folding puts line breaks and spaces between the words; they do not matter.
    expect(decodeDraftInfo(value.replace(/ /g, "\r\n "))).toEqual(info);
  });

  it("keeps the one-time read link option", () => {
    expect(decodeDraftInfo(encodeDraftInfo({ ...info, readLink: true }))?.readLink).toBe(true);
    expect(decodeDraftInfo(encodeDraftInfo({ ...info, readLink: true, readLinkDays: 7 }))?.readLinkDays).toBe(7);
    expect(decodeDraftInfo(encodeDraftInfo(info))?.readLink).toBeUndefined();
  });

  it("ignores what is not Postern's", () => {
    expect(decodeDraftInfo(null)).toBeNull();
    expect(decodeDraftInfo("garbage!")).toBeNull();
    expect(decodeDraftInfo(Buffer.from('{"v":2}').toString("base64url"))).toBeNull();
  });

  it("gives the body back as typed, trailing line break or not", () => {
    expect(restoreBody("text\n", info)).toBe("text");
    expect(restoreBody("text", { ...info, endsWithNewline: true })).toBe("text\n");
    expect(restoreBody("text\n", null)).toBe("text\n");
  });
});
