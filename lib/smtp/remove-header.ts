/**
 * The message with every occurrence of one header field removed from its top-level header block
 * (continuation lines included); the body and every other byte stay as they were. Used to derive
 * what recipients get (no Bcc) from the one message that was built (with Bcc, for Sent).
 */
export function removeHeaderField(raw: Buffer, name: string): Buffer {
  // latin1 maps bytes 1:1 to chars, so offsets found in the string are offsets in the buffer.
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const headerEnd = end < 0 ? text.length : end;
  const lines = text.slice(0, headerEnd).split(/(?<=\n)/);
  const field = new RegExp(`^${name.replace(/[^A-Za-z0-9-]/g, "")}[ \\t]*:`, "i");
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const continuation = /^[ \t]/.test(line);
    if (!continuation) dropping = field.test(line);
    if (!dropping) kept.push(line);
  }
  let header = kept.join("");
  // The last kept line may have lost its line break if the dropped field was the last one.
  const original = text.slice(0, headerEnd);
  if (!/\n$/.test(original) && /\r?\n$/.test(header)) header = header.replace(/\r?\n$/, "");
  return Buffer.from(header + text.slice(headerEnd), "latin1");
}
