import { describe, expect, it } from "vitest";
import { isPosternError } from "@/lib/http/errors";
import { Pop3ConnectionError, Pop3ProtocolError, Pop3ResponseError } from "@/lib/pop3/errors";
import { toCollectError } from "./collect-error";

const shown = (e: unknown) => {
  const mapped = toCollectError(e);
  return isPosternError(mapped) ? { code: mapped.code, message: mapped.message } : null;
};

describe("toCollectError", () => {
  it("tells a wrong password from a server that is gone or speaks no TLS", () => {
    expect(shown(new Pop3ResponseError("[AUTH] Authentication failed.", "PASS", "AUTH"))).toMatchObject({
      code: "POP3_AUTH_FAILED",
      message: expect.stringContaining("did not accept the user name and password"),
    });
    // servers without RFC 3206 codes: the command says it
    expect(shown(new Pop3ResponseError("no", "APOP"))?.code).toBe("POP3_AUTH_FAILED");
    expect(shown(new Pop3ConnectionError("The POP3 server localhost:1 cannot be reached."))).toMatchObject({
      code: "POP3_UNAVAILABLE",
      message: expect.stringContaining("Try again later"),
    });
    expect(shown(new Pop3ConnectionError("The TLS handshake with the POP3 server failed.", undefined, "tls"))?.message).toContain("Check the security setting");
  });

  it("names a mailbox in use, a server without UIDL, and answers Postern cannot read", () => {
    expect(shown(new Pop3ResponseError("[IN-USE] locked", "PASS", "IN-USE"))?.message).toContain("Another program is reading");
    expect(shown(new Pop3ResponseError("unknown command", "UIDL"))?.message).toContain("unique ids (UIDL)");
    expect(shown(new Pop3ProtocolError("garbage"))?.code).toBe("POP3_UNAVAILABLE");
  });

  it("names the failed command without its arguments (PASS is only ever named, never sent on with its password)", () => {
    expect(shown(new Pop3ResponseError("no such command", "RETR 3"))?.message).toBe("The POP3 server could not do this (RETR). The server said: no such command");
  });
});
