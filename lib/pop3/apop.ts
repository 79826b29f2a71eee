import crypto from "node:crypto";

/** The APOP timestamp of a greeting ("<1896.697170952@dbc.mtview.ca.us>"), or null when the
 * server offers no APOP (RFC 1939 7: a greeting without one means APOP is not supported). */
export function apopTimestamp(greeting: string): string | null {
  const m = /<[\x21-\x3b\x3d\x3f-\x7e]{1,250}@[\x21-\x3b\x3d\x3f-\x7e]{1,250}>/.exec(greeting);
  return m ? m[0] : null;
}

/** The APOP digest: MD5 of the timestamp and the shared secret, lowercase hex (RFC 1939 7). MD5 is
 * what the protocol fixes; APOP only spares sending the password in the clear, and Postern still
 * prefers TLS. */
export function apopDigest(timestamp: string, secret: string): string {
  return crypto.createHash("md5").update(timestamp + secret, "utf8").digest("hex");
}
