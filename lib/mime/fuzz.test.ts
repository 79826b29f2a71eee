import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildMessageView } from "./message-view";
import { mutants, pathologicalMessages } from "./fuzz-messages";
import { parseMessage } from "./parse-message";
import type { ParsedMessage } from "./types";

// Issue 8, robustness: malformed and hostile messages go through parse → sanitize → render as the
// server does it. Nothing may throw, every message must finish, and what could be parsed is shown.
// Fixed seed and count here; `npm run fuzz:mime -- --count N --seed S` runs as long as wanted.
const FIXTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/mime");
const seeds = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".eml"))
  .map((f) => ({ name: f, bytes: fs.readFileSync(path.join(FIXTURES, f)) }));

// Generous: a bound on runaway work (a loop, a quadratic blow-up), not a speed target.
const PER_MESSAGE_MS = 20_000;

async function render(bytes: Buffer): Promise<{ ms: number; parsed: ParsedMessage }> {
  const started = performance.now();
  const parsed = await parseMessage(bytes);
  buildMessageView(parsed, { allowRemoteContent: false });
  buildMessageView(parsed, { allowRemoteContent: true, preferPlainText: true });
  return { ms: performance.now() - started, parsed };
}

/** Anything after the header block that is not blank: cut down to "From:", there is nothing to show. */
const hasBody = (bytes: Buffer) => /\r?\n\r?\n[\s\S]*\S/.test(bytes.toString("latin1"));

/** The reader gets something: headers, a body, a file, an attached message, or a sentence saying what broke. */
const showsSomething = (p: ParsedMessage) => Boolean(p.text || p.html || p.attachments.length || p.attachedMessages?.length || p.problems.length || p.subject || p.from.length || p.to.length);

describe("malformed mail never breaks the reader", () => {
  it("parses and renders 400 mutants of the real-world fixtures", { timeout: 600_000 }, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    let slowest = { label: "", ms: 0 };
    for (const m of mutants(seeds, 400, 20261123)) {
      const { ms, parsed } = await render(m.bytes).catch((e: unknown) => {
        throw new Error(`${m.label}: ${String(e)}`);
      });
      expect(showsSomething(parsed) || !hasBody(m.bytes), m.label).toBe(true);
      if (ms > slowest.ms) slowest = { label: m.label, ms };
      expect(ms, m.label).toBeLessThan(PER_MESSAGE_MS);
    }
    global.gc?.();
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.log(`fuzz: slowest ${slowest.label} ${slowest.ms.toFixed(0)} ms; heap grew ${grownMb.toFixed(0)} MB`);
    expect(grownMb).toBeLessThan(512);
  });

  const expected: Record<string, (p: ParsedMessage) => void> = {
    "1 MB header": (p) => expect(p.problems.join(" ")).toContain("shown as raw text"),
    "100-level multipart nesting": (p) => expect(p.text).toContain("innermost text"),
    "100-level message/rfc822 nesting": (p) => expect(p.attachedMessages).toHaveLength(1),
    // more parts than the parser takes apart: the raw message, and a sentence saying so
    "10,000 parts": (p) => expect(p.problems.length).toBeGreaterThan(0),
    "only a boundary line": (p) => expect(p.problems.join(" ")).toContain("boundary"),
    empty: (p) => expect(p.problems.join(" ")).toContain("no readable headers"),
  };
  for (const m of pathologicalMessages()) {
    it(`survives and says what it could read: ${m.label}`, { timeout: 120_000 }, async () => {
      const { ms, parsed } = await render(m.bytes);
      expect(ms).toBeLessThan(PER_MESSAGE_MS);
      expected[m.label](parsed);
    });
  }
});
