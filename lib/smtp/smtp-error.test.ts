import { describe, expect, it } from "vitest";
import { listRejections, rejectionSentence, toSendError } from "./smtp-error";

describe("toSendError", () => {
  it("names the refused recipient and the cause", () => {
    const e = toSendError({
      code: "EENVELOPE",
      command: "RCPT TO",
      responseCode: 550,
      rejectedErrors: [{ recipient: "nobody@example.test", responseCode: 550, response: "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table" }],
    });
    expect(e.code).toBe("RECIPIENT_REJECTED");
    expect(e.message).toBe(
      "The message was not sent. The mail server refused nobody@example.test: unknown user (no such mailbox) (the server said: “550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table”).",
    );
    expect(e.detail?.key).toBe("recipientsRefused");
  });

  it("names a recipient refused without a list of refusals, and says when it cannot name one", () => {
    const named = toSendError({ code: "EENVELOPE", command: "RCPT TO", recipient: "x@example.test", responseCode: 553, response: "553 5.1.3 Bad address syntax" });
    expect(named.message).toBe("The message was not sent. The mail server refused x@example.test: not a valid address (the server said: “553 5.1.3 Bad address syntax”).");
    expect(toSendError({ code: "EENVELOPE", command: "RCPT TO" }).message).toBe("The message was not sent. The mail server refused a recipient.");
  });

  it("keeps the server's reply as a value of the detail, bounded, and says none when there is none", () => {
    const e = toSendError({ code: "EMESSAGE", responseCode: 554, response: `554 5.7.1 ${"x".repeat(500)}\r\n  more` });
    expect(e.detail).toEqual({ key: "sendRefused", values: { reply: `554 5.7.1 ${"x".repeat(190)}` } });
    expect(toSendError({ code: "EMESSAGE", message: "odd" }).detail).toEqual({ key: "sendRefused", values: { reply: "none" } });
    expect(toSendError({ code: "EMESSAGE", message: "odd" }).message).toBe("The message was not sent: the mail server refused it.");
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

describe("temporary failures and limits", () => {
  it("a 454 while the server's sign-in backend is down is 'try again later', not 'authentication failed'", () => {
    const e = toSendError({ code: "EAUTH", command: "AUTH PLAIN", responseCode: 454, response: "454 4.7.0 Temporary authentication failure" });
    expect(e.code).toBe("SMTP_UNAVAILABLE");
    expect(e.message).toMatch(/temporary failure\). Please try again later/);
    expect(e.message).not.toMatch(/authentication failed/);
  });

  it("a server closing with 421 is temporary too", () => {
    expect(toSendError({ code: "EPROTOCOL", responseCode: 421, response: "421 4.3.2 Service shutting down" }).code).toBe("SMTP_UNAVAILABLE");
  });

  it("recipients past the server's limit are counted, with the limit, not called a full mailbox", () => {
    const over = Array.from({ length: 5 }, (_, i) => ({ recipient: `r${i}@example.test`, responseCode: 452, response: "452 4.5.3 Error: too many recipients" }));
    const rejected = listRejections(over);
    expect(rejected.every((r) => r.overLimit)).toBe(true);
    expect(rejectionSentence(rejected, 8)).toBe(
      "5 recipients (r0@example.test, r1@example.test, r2@example.test, …): the mail server takes at most 3 recipients per message; send it to them in another message",
    );
    expect(rejectionSentence(listRejections([{ recipient: "x@example.test", responseCode: 552, response: "552 5.5.3 Too many recipients" }]))).toContain("limits the number of recipients");
  });
});

describe("many refused recipients", () => {
  it("names the first 20 with the server's reply and counts the rest", () => {
    const rejectedErrors = Array.from({ length: 45 }, (_, i) => ({ recipient: `user${i}@example.test`, responseCode: 550, response: `550 5.1.1 <user${i}@example.test>: Recipient address rejected: User unknown` }));
    const e = toSendError({ command: "RCPT TO", rejectedErrors });
    expect(e.code).toBe("RECIPIENT_REJECTED");
    expect(e.message).toContain("user19@example.test: unknown user");
    expect(e.message).not.toContain("user20@example.test");
    expect(e.message).toMatch(/; 25 more recipients, refused in the same way or for other reasons\.$/);
    expect(JSON.stringify(e.detail).length).toBeLessThan(10_000);
  });
});
