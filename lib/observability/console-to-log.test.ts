import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { consoleToLog } from "./console-to-log";
import { createLogger } from "./logger";
import { runInRequestContext } from "./request-context";

function setUp() {
  let out = "";
  const logger = createLogger(new Writable({ write: (chunk, _e, done) => ((out += chunk.toString()), done()) }));
  const target = { error: () => undefined, warn: () => undefined } as Pick<Console, "error" | "warn">;
  consoleToLog(() => logger, target);
  return { target, lines: () => out.trim().split("\n").map((l) => JSON.parse(l)), text: () => out };
}

describe("consoleToLog", () => {
  it("turns a tagged console.error with an error into one JSON line with the request's id", () => {
    const { target, lines } = setUp();
    runInRequestContext({ reqId: "req-123456" }, () => target.error("[outbox] send failed:", Object.assign(new Error("535 rejected"), { code: "EAUTH" })));
    expect(lines()).toEqual([
      expect.objectContaining({ level: "error", reqId: "req-123456", msg: "[outbox] send failed:", err: expect.objectContaining({ code: "EAUTH", message: "535 rejected" }) }),
    ]);
  });

  it("leaves out objects, which may hold anything, and error properties", () => {
    const { target, text, lines } = setUp();
    const e = Object.assign(new Error("failed"), { response: "AUTH PLAIN c2VjcmV0LXBhc3M=", command: "AUTH PLAIN" });
    target.warn("[mdn]", { credentials: { pass: "p4ssword" } }, e);
    expect(text()).not.toMatch(/p4ssword|c2VjcmV0/);
    expect(lines()[0]).toMatchObject({ level: "warn", msg: "[mdn]", omitted: 1 });
  });
});
