import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { cancelKey, cancelLock } from "./cancel-lock";

describe("cancel-lock", () => {
  const secret = Buffer.alloc(32, 7);
  it("matches RFC 8315: the lock is the SHA-256 of the key's base64 text", () => {
    const key = cancelKey(secret, { messageId: "<a@x>", account: "Alice@Example.test" });
    const expectedKey = crypto.createHmac("sha256", secret).update("<a@x>alice@example.test").digest("base64");
    expect(key).toBe(`sha256:${expectedKey}`);
    expect(cancelLock(key)).toBe(`sha256:${crypto.createHash("sha256").update(expectedKey).digest("base64")}`);
  });
  it("differs per article and per account, and ignores brackets", () => {
    const a = cancelKey(secret, { messageId: "a@x", account: "alice@example.test" });
    expect(cancelKey(secret, { messageId: "<a@x>", account: "alice@example.test" })).toBe(a);
    expect(cancelKey(secret, { messageId: "b@x", account: "alice@example.test" })).not.toBe(a);
    expect(cancelKey(secret, { messageId: "a@x", account: "bob@example.test" })).not.toBe(a);
  });
});
