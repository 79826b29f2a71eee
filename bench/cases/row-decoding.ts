import type { FetchMessageObject, ImapFlow, MessageAddressObject } from "imapflow";
import { hasAttachments } from "@/lib/imap/body-structure";
import { toSummary } from "@/lib/imap/fetch-summaries";
import { BIG_FOLDER } from "../config";
import { LIST_FETCH_QUERY } from "../imap";
import { row, type Row } from "../report-types";

const ROUNDS = 2_000;

/** The row code before issue 18 (it threw on `Date: Whenever`), kept here as the baseline. */
function previousToSummary(m: FetchMessageObject) {
  const toAddress = (a: MessageAddressObject) => ({ name: a.name ?? "", address: a.address ?? "" });
  const env = m.envelope;
  const date = env?.date ?? m.internalDate;
  return {
    uid: m.uid,
    subject: env?.subject ?? "",
    from: env?.from?.[0] ? toAddress(env.from[0]) : null,
    to: (env?.to ?? []).map(toAddress),
    date: date ? new Date(date).toISOString() : null,
    size: m.size ?? 0,
    hasAttachments: hasAttachments(m.bodyStructure),
    seen: m.flags?.has("\\Seen") ?? false,
    flagged: m.flags?.has("\\Flagged") ?? false,
    answered: m.flags?.has("\\Answered") ?? false,
  };
}

function cpuMsPerPage(rows: FetchMessageObject[], build: (m: FetchMessageObject) => unknown): number {
  const kept: unknown[] = [];
  const before = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) for (const m of rows) kept.push(build(m));
  const used = process.cpuUsage(before);
  if (kept.length !== ROUNDS * rows.length) throw new Error("rows lost");
  return (used.user + used.system) / 1000 / ROUNDS;
}

/**
 * Case 1g (issue 18): building the 50 rows of INBOX page 1 from their FETCH answers with the
 * defensive row code (every field read with a fallback) against the code it replaced, on the
 * same parsed answers, alternating. The server round trips are the same for both; the rows whose
 * strings need re-reading from raw bytes (U+FFFD) cost one more FETCH, and the bench data has none.
 */
export async function rowDecoding(raw: ImapFlow): Promise<Row[]> {
  const mailbox = await raw.mailboxOpen(BIG_FOLDER.path);
  const rows: FetchMessageObject[] = [];
  for await (const m of raw.fetch(`${Math.max(1, mailbox.exists - 49)}:*`, LIST_FETCH_QUERY)) rows.push(m);
  const samples = { now: [] as number[], before: [] as number[] };
  for (let i = 0; i < 7; i++) {
    samples.before.push(cpuMsPerPage(rows, previousToSummary));
    samples.now.push(cpuMsPerPage(rows, toSummary));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [
    row({
      id: "1g",
      name: "building page 1's 50 rows from FETCH answers, CPU per page",
      measured: median(samples.now),
      unit: "ms",
      baselineName: "the row code before issue 18",
      baseline: median(samples.before),
      target: { max: 1.1, of: "ratio" },
      note: `median of 7 runs of ${ROUNDS} pages each, alternating; the FETCH itself is the same for both`,
      details: samples,
    }),
  ];
}
