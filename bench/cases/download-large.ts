import type { Readable } from "node:stream";
import type { ImapFlow } from "imapflow";
import { downloadPart } from "@/lib/imap/download-part";
import { withMailbox } from "@/lib/imap/with-mailbox";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { Browser } from "../browser";
import { row, type Row } from "../report-types";
import { interleave } from "../stats";

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

/** The attachment's part number, from the server's structure. */
async function attachmentPart(raw: ImapFlow, folder: string, uid: number): Promise<string> {
  await raw.mailboxOpen(folder);
  const shape = await raw.fetchOne(String(uid), { bodyStructure: true }, { uid: true });
  const part = shape && shape.bodyStructure?.childNodes?.find((n) => n.disposition === "attachment")?.part;
  if (!part) throw new Error(`no attachment in message ${uid} of ${folder}`);
  return part;
}

/** Raw imapflow on an open connection with the folder selected: the whole part in one BINARY
 * fetch, decoded, the fastest a client can get it (and the most memory). */
async function rawDownload(raw: ImapFlow, uid: number, part: string): Promise<number> {
  const { content } = await raw.download(String(uid), part, { uid: true, binary: true, chunkSize: 1 << 30 });
  if (!content) throw new Error("the attachment vanished");
  return drain(content);
}

/** A bare node:http server in a process of its own that answers every GET with `bytes` from
 * memory in DOWNLOAD_CHUNK_BYTES writes: the floor of sending that file over HTTP on this machine
 * (the kernel's loopback copies and the client's reading), with no IMAP and no Next.js. */
async function bareHttpServer(bytes: number): Promise<{ origin: URL; stop: () => void }> {
  const script = `
    const http = require("node:http");
    const piece = 4 * 1024 * 1024, body = Buffer.alloc(${bytes}, 7);
    const server = http.createServer(async (req, res) => {
      res.setHeader("content-type", "application/octet-stream");
      for (let at = 0; at < body.length; at += piece) {
        if (!res.write(body.subarray(at, at + piece))) await new Promise((r) => res.once("drain", r));
      }
      res.end();
    });
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  return { origin: new URL(`http://127.0.0.1:${Number(line.toString().trim())}`), stop: () => child.kill() };
}

/**
 * Case 11c (issue 20): the same 20 MB attachment over HTTP from the production build (the
 * attachment route, what a browser's click on the file downloads), against the raw download.
 */
export async function downloadHttp(ctx: { browser: Browser; raw: ImapFlow; folder: string; uid: number }): Promise<Row[]> {
  const part = await attachmentPart(ctx.raw, ctx.folder, ctx.uid);
  const path = `/api/messages/attachment?${new URLSearchParams({ folder: ctx.folder, uid: String(ctx.uid), part })}`;
  const sizes = { http: await ctx.browser.download(path), raw: await rawDownload(ctx.raw, ctx.uid, part) };
  if (sizes.http !== sizes.raw) throw new Error(`HTTP download gave ${sizes.http} bytes, raw ${sizes.raw}`);
  const bare = await bareHttpServer(sizes.http);
  const bareBrowser = new Browser(bare.origin, ctx.browser.address);
  let r: Awaited<ReturnType<typeof interleave>>;
  try {
    r = await interleave(
      [
        { name: "http", run: () => ctx.browser.download(path) },
        { name: "raw", run: () => rawDownload(ctx.raw, ctx.uid, part) },
        { name: "bare", run: () => bareBrowser.download("/") },
      ],
      { warmup: 1, iterations: 9 },
    );
  } finally {
    bareBrowser.close();
    bare.stop();
  }
  return [
    row({
      id: "11c",
      name: "download the 20 MB attachment over HTTP, p50",
      measured: r.http.p50,
      unit: "ms",
      baselineName: "raw imapflow, one BINARY fetch of the part, open connection, p50",
      baseline: r.raw.p50,
      target: { max: 1.1, of: "ratio" },
      note: `p95 ${r.http.p95.toFixed(0)} vs ${r.raw.p95.toFixed(0)} ms; ${(sizes.http / 2 ** 20).toFixed(1)} MiB`,
      details: { http: r.http, raw: r.raw, bare: r.bare, bytes: sizes.http },
    }),
    row({
      id: "11d",
      name: "floor: a bare node:http server sends the same bytes from memory, p50",
      measured: r.bare.p50,
      unit: "ms",
      baselineName: "raw imapflow, one BINARY fetch of the part, open connection, p50",
      baseline: r.raw.p50,
      target: null,
      note: `what HTTP alone costs on this machine (loopback copies, the client reading), no IMAP: HTTP minus bare ${(r.http.p50 - r.bare.p50).toFixed(0)} ms`,
    }),
  ];
}

/**
 * Case 3c: downloading the 20 MB attachment, library level (the route adds headers and the
 * socket): Postern's downloadPart (structure check, BINARY fetches in DOWNLOAD_CHUNK_BYTES
 * pieces, streamed) against raw imapflow asking for the whole part in one BINARY fetch on an open
 * connection with the folder selected, the fastest a client can get it and the most memory.
 */
export async function downloadLarge(ctx: { identity: ImapIdentity; raw: ImapFlow; folder: string; uid: number }): Promise<Row[]> {
  const part = await attachmentPart(ctx.raw, ctx.folder, ctx.uid);
  await withMailbox(ctx.identity, ctx.folder, async () => undefined); // selected, as for a reader
  const r = await interleave(
    [
      { name: "postern", run: async () => drain((await downloadPart(ctx.identity, { folder: ctx.folder, uid: ctx.uid, part })).stream) },
      { name: "raw", run: () => rawDownload(ctx.raw, ctx.uid, part) },
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
