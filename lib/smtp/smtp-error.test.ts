import { describe, expect, it } from "vitest";
import { toSendError } from "./smtp-error";

describe("toSendError", () => {
  it("names the refused recipient and the cause", () => {
    const e = toSendError({
      code: "EENVELOPE",
      command: "RCPT TO",
      responseCode: 550,
      rejectedErrors: [{ recipient: "nobody@example.test", responseCode: 550, response: "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table" }],
    });
    expect(e.code).toBe("RECIPIENT_REJECTED");
    expect(e.message).toContain("nobody@example.test: unknown user (no such mailbox) (550)");
  });

  it("says when the message is too large", () => {
    const e = toSendError({ code: "EMESSAGE", responseCode: 552, response: "552 5.3.4 Message size exceeds fixed limit" });
    expect(e.code).toBe("MESSAGE_TOO_LARGE");
    expect(e.message).toMatch(/larger than the mail server accepts/);
  });

  it("says when sign-in for sending failed", () => {
    const e = toSendError({ code: "EAUTH", responseCode: 535, response: "535 5.7.8 Error: authentication failed" });
    expect(e.code).toBe("SMTP_AUTH_FAILED");
    expect(e.message).toMatch(/authentication failed/);
  });

  it("distinguishes an unreachable server and a TLS problem", () => {
    expect(toSendError({ code: "ESOCKET", message: "connect ECONNREFUSED" }).code).toBe("SMTP_UNAVAILABLE");
    expect(toSendError({ code: "ETLS", message: "self-signed certificate" }).message).toMatch(/certificate or TLS/);
  });

  it("reports anything else with the server's reply", () => {
    const e = toSendError({ code: "EMESSAGE", responseCode: 554, response: "554 5.7.1 Spam message rejected" });
    expect(e.code).toBe("SEND_FAILED");
    expect(e.message).toContain("554 5.7.1 Spam message rejected");
  });
});
