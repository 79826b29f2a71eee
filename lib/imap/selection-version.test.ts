import { EventEmitter } from "node:events";
import type { ImapFlow } from "imapflow";
import { describe, expect, it } from "vitest";
import { selectionVersion } from "./selection-version";

type Mailbox = { path: string; uidValidity: bigint; exists: number };

function fakeClient(mailbox: Mailbox | false) {
  return Object.assign(new EventEmitter(), { mailbox }) as unknown as ImapFlow;
}

describe("selectionVersion", () => {
  it("is null with no folder selected", () => {
    expect(selectionVersion(fakeClient(false))).toBeNull();
  });

  it("stays the same while nothing arrives or leaves, and changes on every EXISTS, EXPUNGE and reselect", () => {
    const mailbox: Mailbox = { path: "INBOX", uidValidity: BigInt(1), exists: 10 };
    const client = fakeClient(mailbox);
    const v0 = selectionVersion(client);
    expect(selectionVersion(client)).toBe(v0);
    client.emit("flags", { path: "INBOX", uid: 3 }); // a flag change keeps the same messages
    expect(selectionVersion(client)).toBe(v0);

    // an expunge, then an arrival: the count is back where it was, the messages are not
    mailbox.exists = 9;
    client.emit("expunge", { path: "INBOX", seq: 2 });
    mailbox.exists = 10;
    client.emit("exists", { path: "INBOX", count: 10, prevCount: 9 });
    const v1 = selectionVersion(client);
    expect(v1).not.toBe(v0);

    client.emit("mailboxOpen", mailbox);
    expect(selectionVersion(client)).not.toBe(v1);
  });

  it("differs between folders and UIDVALIDITYs", () => {
    const a = selectionVersion(fakeClient({ path: "INBOX", uidValidity: BigInt(1), exists: 1 }));
    expect(selectionVersion(fakeClient({ path: "Archive", uidValidity: BigInt(1), exists: 1 }))).not.toBe(a);
    expect(selectionVersion(fakeClient({ path: "INBOX", uidValidity: BigInt(2), exists: 1 }))).not.toBe(a);
  });
});
