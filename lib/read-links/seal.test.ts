import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url";
import { newLinkKey, readLinkKey, seal, unseal } from "./seal";
import { decodeSealedMessage, encodeSealedMessage, type SealedMessage } from "./sealed-message";

const message: SealedMessage = {
  from: { name: "Alice Liddell", address: "alice@example.test" },
  to: [{ name: "", address: "bob@example.test" }],
  cc: [],
  date: "2026-11-23T18:00:00.000Z",
  subject: "Grüße — 🍺",
  text: "Hello Bob,\nthe plan is in the file.\n",
  files: [
    { filename: "plan.pdf", contentType: "application/pdf", content: new Uint8Array(70_000).map((_, i) => (i * 7919) % 251) },
    { filename: "empty.txt", contentType: "text/plain", content: new Uint8Array(0) },
  ],
};

describe("read link sealing", () => {
  it("round-trips a message with files through AES-256-GCM", async () => {
    const key = readLinkKey(newLinkKey())!;
    const sealed = await seal(encodeSealedMessage(message), key, "message");
    const back = decodeSealedMessage(await unseal(sealed, key, "message"));
    expect(back).toEqual(message);
  });

  it("keys are 256 bits, fresh each time, and fit a URL fragment", () => {
    const a = newLinkKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readLinkKey(a)).toHaveLength(32);
    expect(newLinkKey()).not.toBe(a);
  });

  it("refuses a truncated or mistyped key", () => {
    expect(readLinkKey(newLinkKey().slice(0, 40))).toBeNull();
    expect(readLinkKey("not a key!")).toBeNull();
  });

  it("the ciphertext does not contain the plaintext", async () => {
    const key = readLinkKey(newLinkKey())!;
    const sealed = await seal(new TextEncoder().encode("very secret words"), key, "message");
    expect(new TextDecoder("latin1").decode(sealed)).not.toContain("secret");
  });

  it("fails with another key, an altered byte, or another purpose", async () => {
    const key = readLinkKey(newLinkKey())!;
    const sealed = await seal(new TextEncoder().encode("x"), key, "message");
    await expect(unseal(sealed, readLinkKey(newLinkKey())!, "message")).rejects.toThrow();
    const altered = sealed.slice();
    altered[altered.length - 1] ^= 1;
    await expect(unseal(altered, key, "message")).rejects.toThrow();
    await expect(unseal(sealed, key, "subject")).rejects.toThrow();
  });

  it("uses a fresh IV for every seal", async () => {
    const key = readLinkKey(newLinkKey())!;
    const plain = new TextEncoder().encode("same");
    const [a, b] = [await seal(plain, key, "subject"), await seal(plain, key, "subject")];
    expect(toBase64Url(a)).not.toBe(toBase64Url(b));
  });

  it("base64url round-trips bytes and refuses other alphabets", () => {
    const bytes = new Uint8Array(100_001).map((_, i) => (i * 131) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(() => fromBase64Url("a+b/")).toThrow();
  });

  it("refuses a sealed message whose file bytes are cut off", () => {
    const encoded = encodeSealedMessage(message);
    expect(() => decodeSealedMessage(encoded.slice(0, encoded.length - 10))).toThrow(/cut off/);
  });
});
