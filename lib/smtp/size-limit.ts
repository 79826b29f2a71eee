import SMTPConnection from "nodemailer/lib/smtp-connection";
import { getConfig, type Config } from "@/lib/env";
import { smtpOptions } from "./transport";

const PROBE_TTL_MS = 60 * 60 * 1000;
const PROBE_RETRY_MS = 60 * 1000;

// The submission server's setting, the same for every process: each probes it on its own, hourly.
let cached: { serverLimit: number | null; until: number } | undefined;

/**
 * The SIZE the submission server announces in its EHLO reply (RFC 1870), or null (no SIZE, or
 * unreachable). Read through nodemailer's own connection so TLS is set up exactly as for sending;
 * nodemailer keeps the value in a field it does not type, hence the narrow read below. No AUTH:
 * the limit is the same for everyone, and a probe must not count as a login.
 */
export function probeServerSizeLimit(config: Config): Promise<number | null> {
  const { auth: _auth, ...options } = smtpOptions(config, { user: "", pass: "" });
  return new Promise((resolve) => {
    const conn = new SMTPConnection(options);
    const finish = (value: number | null) => {
      conn.close();
      resolve(value);
    };
    conn.once("error", () => finish(null));
    conn.connect(() => {
      const size = (conn as unknown as { _maxAllowedSize?: unknown })._maxAllowedSize;
      finish(typeof size === "number" && size > 0 ? size : null);
    });
  });
}

/** Largest message (bytes, as sent) a user may send: the configured MAX_MESSAGE_MB, lowered to
 * the server's SIZE when that is smaller. The server is asked at most once an hour. */
export async function getSendLimit(now = Date.now()): Promise<number> {
  const config = getConfig();
  if (!cached || cached.until < now) {
    const serverLimit = await probeServerSizeLimit(config);
    cached = { serverLimit, until: now + (serverLimit === null ? PROBE_RETRY_MS : PROBE_TTL_MS) };
  }
  const configured = Math.floor(config.MAX_MESSAGE_MB * 1024 * 1024);
  return cached.serverLimit ? Math.min(configured, cached.serverLimit) : configured;
}

/** Decoded attachment bytes that fit in a message of `limit` bytes: base64 adds a third, plus
 * room for headers and the text. What the composer checks before uploading anything. */
export function attachmentBudget(limit: number, textBytes = 0): number {
  return Math.max(0, Math.floor(((limit - textBytes - 16 * 1024) * 3) / 4));
}
