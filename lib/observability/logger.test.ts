import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logLevel, safeError } from "./logger";

function capture(): { lines: () => Record<string, unknown>[]; text: () => string; stream: Writable } {
  let out = "";
  const stream = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
  return { stream, text: () => out, lines: () => out.trim().split("\n").map((l) => JSON.parse(l)) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const c = capture();
    createLogger(c.stream).info({ reqId: "r-1", route: "/mail", status: 200, ms: 12 }, "request");
    const [line] = c.lines();
    expect(line).toMatchObject({ level: "info", reqId: "r-1", route: "/mail", status: 200, ms: 12, msg: "request" });
    expect(typeof line.time).toBe("string");
  });

  it("blanks secrets wherever a careless call puts them", () => {
    const c = capture();
    createLogger(c.stream).info(
      {
        password: "hunter2-pass",
        user: { password: "nested-pass", token: "tok-123456" },
        headers: { cookie: "authjs.session-token=cookie-value", authorization: "Bearer bearer-value" },
        message: { body: "the body text", html: "<p>html body</p>" },
        csrfToken: "csrf-value",
      },
      "oops",
    );
    const text = c.text();
    for (const secret of ["hunter2-pass", "nested-pass", "tok-123456", "cookie-value", "bearer-value", "the body text", "html body", "csrf-value"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
  });
});

describe("safeError", () => {
  it("keeps type, code and the first line, not the error's other properties", () => {
    const e = Object.assign(new Error("Command failed\nA1 NO [AUTHENTICATIONFAILED] for alice"), {
      code: "EAUTH",
      response: "the server's whole answer",
      credentials: { pass: "p4ss" },
    });
    const safe = safeError(e);
    expect(safe).toMatchObject({ type: "Error", code: "EAUTH", message: "Command failed" });
    expect(JSON.stringify(safe)).not.toMatch(/whole answer|p4ss/);
  });

  it("removes a URL's password and token-like runs from the message", () => {
    const safe = safeError(new Error("connect to postgresql://postern:s3cret@db/x failed for /r/AbCdEfGhIjKlMnOpQrStUv"));
    expect(safe.message).not.toContain("s3cret");
    expect(safe.message).not.toContain("AbCdEfGhIjKlMnOpQrStUv");
  });

  it("takes anything thrown, not only Errors", () => {
    expect(safeError("plain string").message).toBe("plain string");
  });
});

describe("logLevel", () => {
  it("takes a level name in any case and falls back to info", () => {
    expect(logLevel("DEBUG")).toBe("debug");
    expect(logLevel("verbose")).toBe("info");
    expect(logLevel(undefined)).toBe("info");
  });
});
