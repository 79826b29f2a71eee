import type { MailParser } from "mailparser";
import { createPartNumberer } from "@/lib/mime/number-parts";
import { PROBLEMS } from "@/lib/mime/problems";
import type { SplitterChunk, SplitterNode } from "@/lib/mime/splitter-node";

export type StructureObserver = {
  /** IMAP part number of the attachment whose parsed headers are `headers` (mailparser hands the
   * same Map object to the attachment), or `fallback` when the node was not seen. */
  partIdFor(headers: object, fallback: string | null): string;
  /** Every part seen, in document order. */
  parts(): PartSummary[];
  /** The raw content of multiparts in which no part was found (a wrong boundary), or "". */
  orphanedContent(): Buffer;
  problems(): string[];
};

export type PartSummary = {
  partId: string;
  contentType: string;
  /** Content-Type parameters, names in lower case. */
  params: Record<string, string>;
  /** Index in the list of the enclosing multipart, or -1. */
  parent: number;
  /** Inside an inline embedded message/rfc822, so it belongs to that message. */
  embedded: boolean;
};

type ParserInternals = {
  createNode?: (node: SplitterNode) => { headers?: unknown };
  processChunk?: (chunk: SplitterChunk, done: (err?: Error | null) => void) => void;
};

// Only base64 alphabet, padding and whitespace may appear in a base64 body; anything else means
// the part was damaged in transit (mailparser silently skips such bytes).
const NOT_BASE64 = /[^A-Za-z0-9+/=\s]/;
// An "=" that starts neither an escape nor a soft line break: quoted-printable damaged in transit
// (mailparser shows such an "=" as it is). Lowercase hex is common and decodes fine.
const BAD_QUOTED_PRINTABLE = /=(?![0-9A-Fa-f]{2}|[ \t]*\r?\n|[ \t]*$)/m;
/** Raw content kept from multiparts whose parts could not be found, to show as text. */
const MAX_ORPHANED_BYTES = 256 * 1024;

/**
 * Watches the MIME tree mailparser builds, through its two internal per-node steps, to learn what
 * its public output lacks: the IMAP part number of each part, multiparts left without their
 * closing boundary, and base64 bodies with invalid bytes. Observing never changes what mailparser
 * does, and an observer failure never breaks parsing; if the internals are gone, part numbers fall
 * back to mailparser's own.
 */
export function observeStructure(parser: MailParser, partPrefix = ""): StructureObserver {
  const internals = parser as unknown as ParserInternals;
  const numberPart = createPartNumberer(partPrefix);
  const partIds = new WeakMap<object, string>();
  const summaries: PartSummary[] = [];
  const summaryIndex = new WeakMap<SplitterNode, number>();
  const childless = new Map<SplitterNode, { chunks: Buffer[]; length: number }>();
  const badQuotedPrintable = new Set<SplitterNode>();
  const unclosed = new Set<SplitterNode>();
  const corrupt = new Set<SplitterNode>();
  let boundaryMissing = false;

  const createNode = internals.createNode;
  if (typeof createNode === "function") {
    internals.createNode = function (this: unknown, node: SplitterNode) {
      const created = createNode.call(this, node);
      quietly(() => {
        const partId = numberPart(node);
        if (created && typeof created.headers === "object" && created.headers) partIds.set(created.headers, partId);
        summarize(node, partId, created?.headers);
      });
      return created;
    };
  }

  const processChunk = internals.processChunk;
  if (typeof processChunk === "function") {
    internals.processChunk = function (this: unknown, chunk: SplitterChunk, done: (err?: Error | null) => void) {
      quietly(() => observeChunk(chunk));
      return processChunk.call(this, chunk, done);
    };
  }

  function summarize(node: SplitterNode, partId: string, headers: unknown): void {
    const parent = node.parentNode ? (summaryIndex.get(node.parentNode) ?? -1) : -1;
    if (node.parentNode) childless.delete(node.parentNode);
    const contentType = headers instanceof Map ? headers.get("content-type") : undefined;
    const params = typeof contentType === "object" && contentType?.params ? (contentType.params as Record<string, string>) : {};
    const embedded = parent >= 0 && (summaries[parent].embedded || summaries[parent].contentType === "message/rfc822");
    summaryIndex.set(node, summaries.length);
    summaries.push({ partId, contentType: node.contentType || "text/plain", params: lowerCaseKeys(params), parent, embedded });
    if (node.multipart) childless.set(node, { chunks: [], length: 0 });
  }

  function observeChunk(chunk: SplitterChunk): void {
    if (chunk.type === "node") {
      if (!chunk.multipart) return;
      if (chunk._boundary) unclosed.add(chunk);
      else boundaryMissing = true;
    } else if (chunk.type === "data") {
      if (unclosed.size > 0) markClosed(chunk.value);
      keepOrphaned(chunk.node, chunk.value);
    } else if (chunk.node.encoding === "base64" && NOT_BASE64.test(chunk.value.toString("latin1"))) {
      corrupt.add(chunk.node);
    } else if (chunk.node.encoding === "quoted-printable" && BAD_QUOTED_PRINTABLE.test(chunk.value.toString("latin1"))) {
      badQuotedPrintable.add(chunk.node);
    }
  }

  function keepOrphaned(node: SplitterNode, value: Buffer): void {
    const kept = childless.get(node);
    if (!kept || kept.length >= MAX_ORPHANED_BYTES) return;
    const slice = value.subarray(0, MAX_ORPHANED_BYTES - kept.length);
    kept.chunks.push(slice);
    kept.length += slice.length;
  }

  // The splitter batches structural lines, so one chunk may close several multiparts and is not
  // always attributed to the one it closes: every line is matched against every open boundary.
  function markClosed(lines: Buffer): void {
    for (const line of lines.toString("latin1").split("\n")) {
      const trimmed = line.replace(/[ \t\r]+$/, "");
      if (!trimmed.startsWith("--") || !trimmed.endsWith("--")) continue;
      for (const node of unclosed) {
        if (node._boundary && trimmed === `--${node._boundary.toString("latin1")}--`) unclosed.delete(node);
      }
    }
  }

  return {
    partIdFor(headers, fallback) {
      return partIds.get(headers) ?? fallback ?? "1";
    },
    parts: () => summaries,
    orphanedContent() {
      const chunks = [...childless.values()].flatMap((kept) => kept.chunks);
      return Buffer.concat(chunks);
    },
    problems() {
      const found: string[] = [];
      if (unclosed.size > 0 || boundaryMissing) found.push(PROBLEMS.damagedStructure);
      if ([...childless.values()].some((kept) => kept.length > 0)) found.push(PROBLEMS.partsNotFound);
      if (badQuotedPrintable.size > 0) found.push(PROBLEMS.badQuotedPrintable);
      for (const node of corrupt) {
        found.push(node.filename ? PROBLEMS.corruptAttachment(node.filename) : PROBLEMS.corruptContent);
      }
      return [...new Set(found)];
    },
  };
}

function lowerCaseKeys(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(params)) if (typeof value === "string") out[key.toLowerCase()] = value;
  return out;
}

function quietly(observe: () => void): void {
  try {
    observe();
  } catch {
    // observation is best effort: a surprise in mailparser's internals must not fail the parse
  }
}
