import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mailSecureContext } from "./connection-options";

// A real certificate (the S/MIME fixture's), so that building the context parses something.
const PEM = fs.readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/mime/smime/signer-cert.pem"));

describe("mailSecureContext", () => {
  it("builds the context once, and again when the CA file is replaced", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postern-ca-"));
    const file = path.join(dir, "ca.pem");
    try {
      fs.writeFileSync(file, PEM);
      const first = mailSecureContext({ MAIL_CA_FILE: file });
      expect(mailSecureContext({ MAIL_CA_FILE: file })).toBe(first);
      fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000));
      expect(mailSecureContext({ MAIL_CA_FILE: file })).not.toBe(first);
      expect(mailSecureContext({ MAIL_CA_FILE: undefined })).not.toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
