import type { ImapFlow, MessageStructureObject } from "imapflow";
import { openMessage } from "@/lib/imap/open-message";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { LARGE_MESSAGE_FOLDER } from "../config";
import { row, type Row } from "../report-types";
import { summarize } from "../stats";

const ITERATIONS = 3;

/** Octets of the parts a reader shows: text leaves that are not attachments. */
function shownPartsSize(node: MessageStructureObject | undefined): number {
  if (!node) return 0;
  if (node.childNodes?.length) return node.childNodes.reduce((sum, c) => sum + shownPartsSize(c), 0);
  const isText = (node.type ?? "").toLowerCase().startsWith("text/");
  return isText && node.disposition?.toLowerCase() !== "attachment" ? (node.size ?? 0) : 0;
}

type Read = { bytes: number; ms: number };

/** Bytes the server sent on `client` while `fn` ran (imapflow counts every byte off the socket). */
async function bytesReceived<T>(client: ImapFlow, fn: () => Promise<T>): Promise<Read & { result: T }> {
  client.stats(true);
  const t0 = performance.now();
  const result = await fn();
  return { bytes: client.stats().received, ms: performance.now() - t0, result };
}

/**
 * Case 3: opening the message with a 20 MB attachment (no attachment requested). Counts every
 * byte imapflow reads off the pool connection during lib/imap/open-message.ts's openMessage(),
 * against the size of the header plus the shown body part. A raw fetch of exactly those parts
 * is the floor any client pays (IMAP framing, BODYSTRUCTURE).
 */
export async function openLarge(ctx: { identity: ImapIdentity; raw: ImapFlow; uid: number }): Promise<Row[]> {
  await ctx.raw.mailboxOpen(LARGE_MESSAGE_FOLDER);
  const shape = await ctx.raw.fetchOne(String(ctx.uid), { bodyStructure: true, headers: true, size: true }, { uid: true });
  if (!shape) throw new Error(`message ${ctx.uid} missing in ${LARGE_MESSAGE_FOLDER}`);
  const bodyBytes = (shape.headers?.length ?? 0) + shownPartsSize(shape.bodyStructure);

  // select the folder first so the SELECT's own bytes are not counted as part of the open
  await withMailbox(ctx.identity, LARGE_MESSAGE_FOLDER, async () => undefined);
  const pooled = await getPool().get(ctx.identity);
  const opens: (Read & { reported: number })[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const { result, ...read } = await bytesReceived(pooled, () =>
      openMessage(ctx.identity, { folder: LARGE_MESSAGE_FOLDER, uid: ctx.uid, markSeen: false }),
    );
    opens.push({ ...read, reported: result.fetchedBytes });
  }
  const byParts: Read[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const { bytes, ms } = await bytesReceived(ctx.raw, async () => {
      const m = await ctx.raw.fetchOne(String(ctx.uid), { uid: true, flags: true, bodyStructure: true, headers: true }, { uid: true });
      if (!m) throw new Error("vanished");
      await ctx.raw.fetchOne(String(ctx.uid), { bodyParts: ["1"] }, { uid: true });
    });
    byParts.push({ bytes, ms });
  }
  const openBytes = opens[0].bytes;
  const byPartsBytes = byParts[0].bytes;
  const openMs = summarize(opens.map((o) => o.ms));
  const byPartsMs = summarize(byParts.map((o) => o.ms));
  return [
    row({
      id: "3",
      name: "open message with 20 MB attachment: bytes read from IMAP",
      measured: openBytes,
      unit: "bytes",
      baselineName: "header + shown body part (BODYSTRUCTURE sizes)",
      baseline: bodyBytes,
      target: { max: 1.2, of: "ratio" },
      note:
        `bytes off the IMAP socket during openMessage() (all of its FETCH responses and framing; the message is ` +
        `${shape.size} bytes, base64 attachment included); its own fetchedBytes says ${opens[0].reported}. p50 ${openMs.p50.toFixed(0)} ms`,
      details: { messageSize: shape.size, opens, bodyBytes },
    }),
    row({
      id: "3b",
      name: "floor: raw FETCH of BODYSTRUCTURE + HEADER, then BODY[1]: bytes",
      measured: byPartsBytes,
      unit: "bytes",
      baselineName: "header + shown body part",
      baseline: bodyBytes,
      target: null,
      note: `the least any client reads to show it, IMAP framing included; p50 ${byPartsMs.p50.toFixed(1)} ms vs ${openMs.p50.toFixed(0)} ms`,
      details: { byParts },
    }),
  ];
}
