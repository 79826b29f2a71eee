import { describe, expect, it, vi } from "vitest";
import { isPosternError, PosternError } from "./errors";

describe("PosternError recognition", () => {
  it("recognises an error made by another copy of the module (a second bundle chunk)", async () => {
    vi.resetModules();
    // A query suffix makes the loader evaluate the file again, as a second chunk would.
    const copy = "./errors.ts?copy";
    const other = (await import(/* @vite-ignore */ copy)) as typeof import("./errors");
    expect(other.PosternError).not.toBe(PosternError);
    const e = new other.PosternError("IMAP_UNAVAILABLE", "The mail server cannot be reached.");
    expect(isPosternError(e)).toBe(true);
    expect(e instanceof PosternError).toBe(true);
    expect(isPosternError(e) && e.status).toBe(503);
  });

  it("does not take a look-alike without the brand, or a branded object with an unknown code", () => {
    expect(isPosternError(Object.assign(new Error("x"), { name: "PosternError", code: "NOT_FOUND" }))).toBe(false);
    const forged = new PosternError("NOT_FOUND", "gone");
    (forged as { code: string }).code = "NO_SUCH_CODE";
    expect(isPosternError(forged)).toBe(false);
    expect(isPosternError(null)).toBe(false);
    expect(isPosternError("NOT_FOUND")).toBe(false);
  });
});
