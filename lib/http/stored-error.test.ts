import { describe, expect, it } from "vitest";
import { PosternError } from "./errors";
import { readStoredError, storeError } from "./stored-error";

describe("storeError / readStoredError", () => {
  it("keeps the code, the detail and the English message", () => {
    const e = PosternError.detailed("NOT_FOUND", "folderMissing", { folder: "Lists/{x}" });
    expect(readStoredError(storeError(e))).toEqual({ code: "NOT_FOUND", message: "The folder “Lists/{x}” does not exist.", detail: { key: "folderMissing", values: { folder: "Lists/{x}" } } });
    expect(readStoredError(storeError(new PosternError("POP3_AUTH_FAILED", "x".repeat(900)))).message).toHaveLength(500);
  });
  it("reads text stored before codes as its own message", () => {
    expect(readStoredError("The POP3 server refused the sign-in: bad password")).toEqual({ code: "", message: "The POP3 server refused the sign-in: bad password" });
    expect(readStoredError("{not json")).toEqual({ code: "", message: "{not json" });
    expect(readStoredError('{"code":1}')).toEqual({ code: "", message: '{"code":1}' });
  });
});
