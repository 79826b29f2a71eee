import { describe, expect, it } from "vitest";
import { apopDigest, apopTimestamp } from "./apop";

describe("apopDigest", () => {
  it("gives RFC 1939's example digest", () => {
    expect(apopDigest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf")).toBe("c4c9334bac560ecc979e58001b3e22fb");
  });
});

describe("apopTimestamp", () => {
  it("finds the timestamp in the greeting", () => {
    expect(apopTimestamp("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>")).toBe("<1896.697170952@dbc.mtview.ca.us>");
    expect(apopTimestamp("+OK [XCLIENT] Dovecot (Debian) ready. <3e32.7.6b1563f3.TDVTiQk6ENHdBIYo2MNReA==@vm>")).toBe(
      "<3e32.7.6b1563f3.TDVTiQk6ENHdBIYo2MNReA==@vm>",
    );
  });

  it("is null when the server offers none, or sends spaces or brackets inside", () => {
    expect(apopTimestamp("+OK ready")).toBeNull();
    expect(apopTimestamp("+OK <no at sign>")).toBeNull();
    expect(apopTimestamp("+OK <a b@c>")).toBeNull();
  });
});
