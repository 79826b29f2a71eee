/** The benchmark's big message: a letter-sized text body plus one attachment of `attachmentBytes`. */
export const LARGE_MESSAGE_ID = "<bench-20mb-v2@postern.bench>";

/** About 8 KB of text, a long-ish letter: with a body of a few hundred bytes the fixed IMAP framing
 * (~500 bytes) alone would exceed the 1.2× budget, whatever the client did. */
const LARGE_MESSAGE_TEXT = Array.from(
  { length: 100 },
  (_, i) => `Line ${String(i + 1).padStart(3, "0")}: the attachment is only fetched when someone asks for it.`,
).join("\r\n") + "\r\n";

/** Deterministic incompressible bytes (xorshift32), so every run appends the very same message. */
function pseudoRandomBytes(length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return Buffer.from(words.buffer, 0, length);
}

/** base64 in 76-character lines, as MIME requires. */
function base64Lines(data: Buffer): string {
  const b64 = data.toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join("\r\n");
}

/** The raw RFC 5322 message (multipart/mixed: text/plain, then the attachment as part 2). */
export function buildLargeMessage(attachmentBytes: number): Buffer {
  const boundary = "postern-bench-boundary";
  const head = [
    "From: Bench Sender <bench@senders.example>",
    "To: <load@example.test>",
    "Subject: Postern bench: message with a 20 MB attachment",
    "Date: Mon, 02 Nov 2026 10:00:00 +0000",
    `Message-ID: ${LARGE_MESSAGE_ID}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 7bit",
    "",
    LARGE_MESSAGE_TEXT,
    `--${boundary}`,
    'Content-Type: application/octet-stream; name="bench-20mb.bin"',
    'Content-Disposition: attachment; filename="bench-20mb.bin"',
    "Content-Transfer-Encoding: base64",
    "",
    "",
  ].join("\r\n");
  const tail = `\r\n--${boundary}--\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(base64Lines(pseudoRandomBytes(attachmentBytes))), Buffer.from(tail)]);
}
