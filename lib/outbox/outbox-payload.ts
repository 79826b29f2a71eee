import type { ReadLinkContext, ReadLinkPlan } from "@/lib/read-links/send-read-links";
import type { BuiltMessage } from "@/lib/smtp/build-message";
import { removeHeaderField } from "@/lib/smtp/remove-header";
import type { AfterSend } from "@/lib/smtp/send-message";
import type { UserServer } from "@/lib/accounts/account-types";

/** Everything a process needs to send a queued message that another process built. */
export type OutboxPayload = {
  built: BuiltMessage;
  /** Set when the recipients get one-time read links instead of the message. */
  readLinks: { plan: ReadLinkPlan; ctx: ReadLinkContext } | null;
  after: AfterSend;
  /** The address fields as typed: contacts keep the names the user wrote. */
  recipients: { to: string; cc: string; bcc: string };
  /** The largest message the server takes, in bytes, as checked when it was queued. */
  limit: number;
  /** Sent from one of the user's added accounts (issue 22): its servers as typed, checked again
   * when the job connects. Absent: the installation's own servers. */
  via?: { account: string; imap: UserServer; smtp: UserServer };
};

const VERSION = 1;

// JSON with Buffers as base64 and Dates as ISO text, both restored on reading. The replacer reads
// `this[key]` because JSON.stringify has already applied Buffer's and Date's own toJSON to `value`.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (Buffer.isBuffer(original)) return { $b64: original.toString("base64") };
  if (original instanceof Date) return { $date: original.toISOString() };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as { $b64?: unknown; $date?: unknown };
    if (typeof v.$b64 === "string") return Buffer.from(v.$b64, "base64");
    if (typeof v.$date === "string") return new Date(v.$date);
  }
  return value;
}

/**
 * Bytes for the outbox row: a length-prefixed JSON header (everything but the message), then the
 * message itself as it goes to Sent. What goes over SMTP is derived from it again (without Bcc)
 * exactly as buildMessage does, so the message is stored once.
 */
export function encodePayload(p: OutboxPayload): Buffer {
  const { raw, wire: _wire, ...built } = p.built;
  const meta = Buffer.from(JSON.stringify({ v: VERSION, built, readLinks: p.readLinks, after: p.after, recipients: p.recipients, limit: p.limit, ...(p.via ? { via: p.via } : {}) }, replacer));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(meta.length);
  return Buffer.concat([length, meta, raw]);
}

/** @throws Error when the bytes are not a payload of this version. */
export function decodePayload(bytes: Buffer): OutboxPayload {
  const length = bytes.length >= 4 ? bytes.readUInt32BE(0) : -1;
  if (length < 0 || 4 + length > bytes.length) throw new Error("Truncated outbox payload");
  const meta = JSON.parse(bytes.subarray(4, 4 + length).toString("utf8"), reviver) as Omit<OutboxPayload, "built"> & {
    v: number;
    built: Omit<BuiltMessage, "raw" | "wire">;
  };
  if (meta.v !== VERSION) throw new Error(`Unknown outbox payload version ${meta.v}`);
  const raw = Buffer.from(bytes.subarray(4 + length));
  return { built: { ...meta.built, raw, wire: removeHeaderField(raw, "Bcc") }, readLinks: meta.readLinks, after: meta.after, recipients: meta.recipients, limit: meta.limit, ...(meta.via ? { via: meta.via } : {}) };
}
