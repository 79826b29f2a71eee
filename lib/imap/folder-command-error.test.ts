import { describe, expect, it } from "vitest";
import { PosternError } from "@/lib/http/errors";
import { toFolderCommandError } from "./folder-command-error";

const refusal = (serverResponseCode: string | undefined, responseText: string) =>
  Object.assign(new Error("Command failed"), { responseStatus: "NO", serverResponseCode, responseText });
const live = { usable: true };

describe("toFolderCommandError", () => {
  it("maps RFC 5530 response codes", () => {
    expect(toFolderCommandError(refusal("ALREADYEXISTS", "[ALREADYEXISTS] Mailbox already exists"), live, "create “a”")).toMatchObject({
      code: "CONFLICT",
    });
    expect(toFolderCommandError(refusal("NONEXISTENT", "[NONEXISTENT] Mailbox doesn't exist: a"), live, "delete “a”")).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(toFolderCommandError(refusal("NOPERM", "[NOPERM] Permission denied"), live, "delete “a”")).toMatchObject({ code: "FORBIDDEN" });
  });

  it("passes the server's reason on for other refusals, without the response code or Dovecot's timing", () => {
    const e = toFolderCommandError(refusal("CANNOT", "[CANNOT] Character not allowed in mailbox name: '.' (0.001 + 0.000 secs)."), live, "create “a.b”");
    expect(e).toBeInstanceOf(PosternError);
    expect(e).toMatchObject({ code: "BAD_REQUEST", message: "The mail server refused to create “a.b”: Character not allowed in mailbox name: '.'" });
  });

  it("leaves connection failures alone so withConnection can retry", () => {
    const dropped = Object.assign(new Error("gone"), { code: "NoConnection" });
    expect(toFolderCommandError(dropped, live, "x")).toBe(dropped);
    const refusedButDead = refusal("CANNOT", "x");
    expect(toFolderCommandError(refusedButDead, { usable: false }, "x")).toBe(refusedButDead);
    const bug = new TypeError("bug");
    expect(toFolderCommandError(bug, live, "x")).toBe(bug);
  });
});
