import { describe, expect, it } from "vitest";
import { keepForeignProperties } from "./keep-foreign-properties";

const server = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nFN:Old Name\r\nEMAIL:old@x.example\r\nADR;TYPE=HOME:;;1 Main St;Springfield;;12345;USA\r\nBDAY:1980-04-01\r\nX-SOCIALPROFILE;TYPE=mastodon:https://social.example/@x\r\nEND:VCARD\r\n";
const mine = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nFN:New Name\r\nEMAIL:new@x.example\r\nEND:VCARD\r\n";

describe("keepForeignProperties", () => {
  it("keeps the server's fields Postern does not edit, and Postern's own as edited", () => {
    const out = keepForeignProperties(mine, server);
    expect(out).toContain("FN:New Name");
    expect(out).toContain("EMAIL:new@x.example");
    expect(out).not.toContain("old@x.example");
    expect(out).not.toContain("Old Name");
    expect(out).toContain("ADR;TYPE=HOME:;;1 Main St;Springfield;;12345;USA");
    expect(out).toContain("BDAY:1980-04-01");
    expect(out).toContain("X-SOCIALPROFILE;TYPE=mastodon:https://social.example/@x");
  });
  it("sends Postern's card as it is when there is no server version or it does not read", () => {
    expect(keepForeignProperties(mine, null)).toBe(mine);
    expect(keepForeignProperties(mine, "garbage")).toBe(mine);
  });
});
