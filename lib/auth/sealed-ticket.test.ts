import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { openTicket, sealTicket } from "./sealed-ticket";

const key = crypto.randomBytes(32);
const now = new Date(1_700_000_000_000);

describe("sealed tickets", () => {
  it("round-trip until they expire", () => {
    const t = sealTicket("pending", { email: "a@example.test", pass: "secret" }, 60_000, now, key);
    expect(t).not.toContain("secret");
    expect(openTicket("pending", t, new Date(now.getTime() + 59_000), key)).toEqual({ email: "a@example.test", pass: "secret" });
    expect(openTicket("pending", t, new Date(now.getTime() + 60_000), key)).toBeNull();
  });

  it("refuse another purpose, another key, a changed byte, and garbage", () => {
    const t = sealTicket("pending", { a: 1 }, 60_000, now, key);
    expect(openTicket("passed", t, now, key)).toBeNull();
    expect(openTicket("pending", t, now, crypto.randomBytes(32))).toBeNull();
    const last = t.at(-2) === "A" ? "B" : "A";
    expect(openTicket("pending", `${t.slice(0, -2)}${last}${t.at(-1)}`, now, key)).toBeNull();
    for (const bad of [null, "", "v1.x.y.z", "x".repeat(5000)]) expect(openTicket("pending", bad, now, key)).toBeNull();
  });
});
