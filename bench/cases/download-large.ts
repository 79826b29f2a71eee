import type { Readable } from "node:stream";
import type { ImapFlow } from "imapflow";
import { downloadPart } from "@/lib/imap/download-part";
import { withMailbox } from "@/lib/imap/with-mailbox";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { row, type Row } from "../report-types";
import { interleave } from "../stats";

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

/**
 * Case 3c: downloading the 20 MB attachment, library level (the route adds headers and the
 * socket): Postern's downloadPart (structure check, BINARY fetches in DOWNLOAD_CHUNK_BYTES
 * pieces, streamed) against raw imapflow asking for the whole part in one BINARY fetch on an open
 * connection with the folder selected, the fastest a client can get it and the most memory.
 */
export async function downloadLarge(ctx: { identity: ImapIdentity; raw: ImapFlow; folder: string; uid: number }): Promise<Row[]> {
  await ctx.raw.mailboxOpen(ctx.folder);
  const shape = await ctx.raw.fetchOne(String(ctx.uid), { bodyStructure: true }, { uid: true });
  const part = shape && shape.bodyStructure?.childNodes?.find((n) => n.disposition === "attachment")?.part;
  if (!part) throw new Error(`no attachment in message ${ctx.uid} of ${ctx.folder}`);
  await withMailbox(ctx.identity, ctx.folder, async () => undefined); // selected, as for a reader
  const r = await interleave(
    [
      { name: "postern", run: async () => drain((await downloadPart(ctx.identity, { folder: ctx.folder, uid: ctx.uid, part })).stream) },
      {
        name: "raw",
        run: async () => {
          const { content } = await ctx.raw.download(String(ctx.uid), part, { uid: true, binary: true, chunkSize: 1 << 30 });
          if (!content) throw new Error("the attachment vanished");
          return drain(content);
        },
      },
    ],
    { warmup: 1, iterations: 7 },
  );
  return [
    row({
      id: "3c",
      name: "download the 20 MB attachment (library level), p50",
      measured: r.postern.p50,
      unit: "ms",
      baselineName: "raw imapflow, one BINARY fetch of the part, p50",
      baseline: r.raw.p50,
      target: { max: 1.1, of: "ratio" },
      note: `p95 ${r.postern.p95.toFixed(0)} vs ${r.raw.p95.toFixed(0)} ms; Postern streams it in bounded pieces (lib/limits.ts DOWNLOAD_CHUNK_BYTES), the raw fetch holds the whole part in memory`,
      details: { postern: r.postern, raw: r.raw },
    }),
  ];
}
