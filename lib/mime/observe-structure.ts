import type { MailParser } from "mailparser";
import { createPartNumberer } from "@/lib/mime/number-parts";
import { PROBLEMS } from "@/lib/mime/problems";
import type { SplitterChunk, SplitterNode } from "@/lib/mime/splitter-node";

export type StructureObserver = {
  /** IMAP part number of the attachment whose parsed headers are `headers` (mailparser hands the
   * same Map object to the attachment), or `fallback` when the node was not seen. */
  partIdFor(headers: object, fallback: string | null): string;
  problems(): string[];
};

type ParserInternals = {
  createNode?: (node: SplitterNode) => { headers?: unknown };
  processChunk?: (chunk: SplitterChunk, done: (err?: Error | null) => void) => void;
};

// Only base64 alphabet, padding and whitespace may appear in a base64 body; anything else means
// the part was damaged in transit (mailparser silently skips such bytes).
const NOT_BASE64 = /[^A-Za-z0-9+/=\s]/;

/**
 * Watches the MIME tree mailparser builds, through its two internal per-node steps, to learn what
 * its public output lacks: the IMAP part number of each part, multiparts left without their
 * closing boundary, and base64 bodies with invalid bytes. Observing never changes what mailparser
 * does, and an observer failure never breaks parsing; if the internals are gone, part numbers fall
 * back to mailparser's own.
 */
export function observeStructure(parser: MailParser): StructureObserver {
  const internals = parser as unknown as ParserInternals;
  const numberPart = createPartNumberer();
  const partIds = new WeakMap<object, string>();
  const unclosed = new Set<SplitterNode>();
  const corrupt = new Set<SplitterNode>();
  let boundaryMissing = false;

  const createNode = internals.createNode;
  if (typeof createNode === "function") {
    internals.createNode = function (this: unknown, node: SplitterNode) {
      const created = createNode.call(this, node);
      quietly(() => {
        if (created && typeof created.headers === "object" && created.headers) partIds.set(created.headers, numberPart(node));
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

  function observeChunk(chunk: SplitterChunk): void {
    if (chunk.type === "node") {
      if (!chunk.multipart) return;
      if (chunk._boundary) unclosed.add(chunk);
      else boundaryMissing = true;
    } else if (chunk.type === "data") {
      if (unclosed.size > 0) markClosed(chunk.value);
    } else if (chunk.node.encoding === "base64" && NOT_BASE64.test(chunk.value.toString("latin1"))) {
      corrupt.add(chunk.node);
    }
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
    problems() {
      const found: string[] = [];
      if (unclosed.size > 0 || boundaryMissing) found.push(PROBLEMS.damagedStructure);
      for (const node of corrupt) {
        found.push(node.filename ? PROBLEMS.corruptAttachment(node.filename) : PROBLEMS.corruptContent);
      }
      return [...new Set(found)];
    },
  };
}

function quietly(observe: () => void): void {
  try {
    observe();
  } catch {
    // observation is best effort: a surprise in mailparser's internals must not fail the parse
  }
}
