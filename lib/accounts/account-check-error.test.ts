import { describe, expect, it } from "vitest";
import { toAccountConnectError, toImapCheckError, toSmtpCheckError } from "./account-check-error";

const server = { host: "mail.example.com", port: 993, security: "tls" as const };

describe("toImapCheckError", () => {
  it("names a wrong password", () => {
    const e = toImapCheckError({ authenticationFailed: true, message: "Command failed" }, server);
    expect(e.code).toBe("INVALID_CREDENTIALS");
    expect(e.message).toMatch(/did not accept the user name or password/);
  });

  it("names a certificate problem apart from an unreachable server", () => {
    expect(toImapCheckError({ code: "ERR_TLS_CERT_ALTNAME_INVALID", message: "Hostname/IP does not match certificate's altnames" }, server).message).toMatch(/certificate or TLS/);
    expect(toImapCheckError({ code: "DEPTH_ZERO_SELF_SIGNED_CERT", message: "self-signed certificate" }, server).message).toMatch(/certificate or TLS/);
    const gone = toImapCheckError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, server);
    expect(gone.code).toBe("IMAP_UNAVAILABLE");
    expect(gone.message).toMatch(/mail\.example\.com:993 cannot be reached/);
  });
});

describe("toSmtpCheckError", () => {
  it("names a refused sign-in, with the server's words", () => {
    const e = toSmtpCheckError({ code: "EAUTH", responseCode: 535, response: "535 5.7.8 Error: authentication failed" }, server);
    expect(e.code).toBe("SMTP_AUTH_FAILED");
    expect(e.message).toMatch(/authentication failed/);
  });

  it("names TLS and connection failures", () => {
    expect(toSmtpCheckError({ code: "ETLS", message: "Error initiating TLS" }, server).message).toMatch(/certificate or TLS/);
    expect(toSmtpCheckError({ code: "ECONNECTION", message: "connect ECONNREFUSED" }, server).message).toMatch(/cannot be reached/);
  });
});

describe("toAccountConnectError", () => {
  it("never says the user's own session ended when an added account's password stopped working", () => {
    const e = toAccountConnectError({ authenticationFailed: true }, server);
    expect(e.code).toBe("IMAP_UNAVAILABLE");
    expect(e.message).toMatch(/Other accounts/);
  });
});
