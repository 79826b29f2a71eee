// The XSS corpus (tests/fixtures/xss) through the sanitizer and the whole display pipeline, with
// structural checks on what a browser would parse. e2e/xss.spec.ts opens the same vectors in
// Chromium.
import { describe, expect, it } from "vitest";
import { buildXssMessage } from "@/tests/fixtures/xss/build-message";
import { findViolations } from "@/tests/fixtures/xss/check-frame";
import { buildXssVectors } from "@/tests/fixtures/xss/vectors";
import { buildFrameDocument } from "@/lib/mime/frame-document";
import { buildMessageView, type MessageView } from "@/lib/mime/message-view";
import { parseMessage } from "@/lib/mime/parse-message";
import { sanitizeEmailHtml } from "@/lib/mime/sanitize-html";

const CANARY = "http://127.0.0.1:9";
const canaryHost = "127.0.0.1:9";
const vectors = buildXssVectors(CANARY);

/** Every frame document of a view and its attached messages, and every plain-text link. */
function collect(view: MessageView): { frames: string[]; links: string[] } {
  const own = {
    frames: view.body.kind === "html" ? [view.body.frameDocument] : [],
    links: view.body.kind === "text" ? view.body.segments.filter((s) => s.kind === "link").map((s) => s.value) : [],
  };
  return view.attachedMessages.map((m) => collect(m.view)).reduce((a, b) => ({ frames: [...a.frames, ...b.frames], links: [...a.links, ...b.links] }), own);
}

describe("XSS corpus", { timeout: 60_000 }, () => {
  it("has at least 200 vectors in every category", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(200);
    const categories = new Set(vectors.map((v) => v.category));
    expect([...categories].sort()).toEqual(
      ["charset", "css", "encoding", "event-handler", "form", "frame-embed", "header", "mathml", "meta-base", "mime", "mxss", "overlay", "script", "svg", "url"],
    );
  });

  const htmlVectors = vectors.filter((v) => v.html && !v.bytes && !v.entity);
  it("is hostile, and the checks see it: unsanitized, nearly every vector breaks an invariant", () => {
    const harmless = htmlVectors.filter((v) => findViolations(buildFrameDocument(v.html, { allowRemoteContent: false }), { allowRemoteContent: false, canaryHost }).length === 0);
    // markup-looking text that must stay text (entities, full-width and percent-encoded brackets),
    // markup the HTML parser itself defuses (comments, end-tag attributes, a late frameset),
    // header vectors (their body is harmless) and an in-frame negative margin
    expect(harmless.map((v) => v.id).sort()).toEqual([
      "enc-double-encoded", "enc-entities-no-semicolon", "enc-entities-tag", "enc-fullwidth", "enc-overlong", "enc-percent-tag",
      "frame-frame-canary", "frame-frameset", "handler-frameset-onload",
      "header-from-encoded", "header-from-script", "header-subject-encoded", "header-subject-img", "header-subject-js-url", "header-subject-svg",
      "mxss-attr-quote-break", "mxss-bogus-end-tag", "mxss-entity-tag", "overlay-negative-margin", "script-comment-wrapped",
    ]);
  });

  it.each([false, true])("sanitizeEmailHtml + buildFrameDocument keep every invariant (remote content allowed: %s)", (allowRemoteContent) => {
    const failures = htmlVectors.flatMap((v) => {
      const safe = sanitizeEmailHtml(v.html, { allowRemoteContent, inlineImages: {} });
      const doc = buildFrameDocument(safe.html, { allowRemoteContent });
      return findViolations(doc, { allowRemoteContent, canaryHost }).map((p) => `${v.id}: ${p}`);
    });
    expect(failures).toEqual([]);
  });

  it("parse → view → frame keeps every invariant for every vector as a delivered message", async () => {
    const failures: string[] = [];
    let frames = 0;
    for (const v of vectors) {
      const view = buildMessageView(await parseMessage(buildXssMessage(v)), { allowRemoteContent: false });
      const found = collect(view);
      frames += found.frames.length;
      for (const doc of found.frames) failures.push(...findViolations(doc, { allowRemoteContent: false, canaryHost }).map((p) => `${v.id}: ${p}`));
      for (const link of found.links) if (!/^https?:\/\//i.test(link)) failures.push(`${v.id}: text link ${link}`);
    }
    expect(failures).toEqual([]);
    // most vectors arrive as HTML bodies: the checks above did look at frames
    expect(frames).toBeGreaterThan(vectors.length * 0.8);
  });

});
