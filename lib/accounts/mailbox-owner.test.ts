import { describe, expect, it } from "vitest";
import { isValidAddress } from "@/lib/compose/parse-addresses";
import { identityOwnerOf, mailAccountKey, settingKeysOf } from "./mailbox-owner";

const session = { email: "Alice@Example.test" };
const bobs = { credentials: { user: "bob@example.test" }, account: { id: "Xy_1" } };

describe("mailAccountKey", () => {
  it("is the owner's and the account's, and never an address (so never a login's own rows)", () => {
    const key = mailAccountKey("Alice@Example.test", "Xy_1");
    expect(key).toBe("alice@example.test\nxy_1");
    expect(isValidAddress(key)).toBe(false);
    expect(mailAccountKey("carol@example.test", "Xy_1")).not.toBe(key);
  });
});

describe("identityOwnerOf", () => {
  it("is the session's own address for its own mailbox", () => {
    expect(identityOwnerOf(session)).toEqual({ key: "Alice@Example.test", login: "Alice@Example.test" });
  });
  it("is the account's key, sending as its login, for an added account", () => {
    expect(identityOwnerOf(session, bobs)).toEqual({ key: "alice@example.test\nxy_1", login: "bob@example.test" });
  });
});

describe("settingKeysOf", () => {
  it("reads an added account's own settings first, then the user's", () => {
    expect(settingKeysOf(session, bobs)).toEqual(["alice@example.test\nxy_1", "Alice@Example.test"]);
    expect(settingKeysOf(session)).toEqual(["Alice@Example.test"]);
  });
});
