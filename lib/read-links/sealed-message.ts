// The plaintext inside a read link: a small JSON head (who, when, subject, text, the files'
// names and sizes) followed by the files' bytes, so attachments need no base64 (+33%).
// Layout: head length (4 bytes, big-endian) || head (UTF-8 JSON) || file 1 || file 2 ...
import { z } from "zod";

const addressSchema = z.object({ name: z.string().max(1000), address: z.string().max(1000) });
const headSchema = z.object({
  v: z.literal(1),
  from: addressSchema,
  to: z.array(addressSchema).max(1000),
  cc: z.array(addressSchema).max(1000),
  date: z.string().max(100),
  subject: z.string().max(10_000),
  text: z.string(),
  files: z.array(z.object({ filename: z.string().max(1000), contentType: z.string().max(255), size: z.number().int().min(0) })).max(100),
});

export type SealedAddress = z.infer<typeof addressSchema>;
export type SealedMessage = Omit<z.infer<typeof headSchema>, "v" | "files"> & {
  files: { filename: string; contentType: string; content: Uint8Array }[];
};

export function encodeSealedMessage(m: SealedMessage): Uint8Array {
  const head = new TextEncoder().encode(
    JSON.stringify({ ...m, v: 1, files: m.files.map((f) => ({ filename: f.filename, contentType: f.contentType, size: f.content.length })) }),
  );
  const total = 4 + head.length + m.files.reduce((n, f) => n + f.content.length, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, head.length);
  out.set(head, 4);
  let at = 4 + head.length;
  for (const f of m.files) {
    out.set(f.content, at);
    at += f.content.length;
  }
  return out;
}

/** @throws Error when the bytes are not a sealed message of this format. */
export function decodeSealedMessage(bytes: Uint8Array): SealedMessage {
  if (bytes.length < 4) throw new Error("sealed message too short");
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + headLength > bytes.length) throw new Error("sealed message head is cut off");
  const head = headSchema.parse(JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))));
  let at = 4 + headLength;
  const files = head.files.map((f) => {
    const content = bytes.slice(at, at + f.size);
    if (content.length !== f.size) throw new Error("sealed message file is cut off");
    at += f.size;
    return { filename: f.filename, contentType: f.contentType, content };
  });
  const { v: _v, ...rest } = head;
  return { ...rest, files };
}
