import { describe, expect, it } from "vitest";
import { createPartNumberer } from "@/lib/mime/number-parts";
import type { SplitterNode } from "@/lib/mime/splitter-node";

const node = (parentNode: SplitterNode | false, multipart: string | false = false): SplitterNode => ({
  parentNode,
  multipart,
  contentType: multipart ? `multipart/${multipart}` : "text/plain",
  encoding: false,
  disposition: false,
  filename: false,
});

describe("createPartNumberer", () => {
  it("numbers a single-part message 1", () => {
    expect(createPartNumberer()(node(false))).toBe("1");
  });

  it("numbers children of a multipart 1, 2, ... and nested ones 1.1, 1.2", () => {
    const number = createPartNumberer();
    const root = node(false, "mixed");
    const alternative = node(root, "alternative");
    const [plain, html] = [node(alternative), node(alternative)];
    const pdf = node(root);
    expect([root, alternative, plain, html, pdf].map(number)).toEqual(["", "1", "1.1", "1.2", "2"]);
  });

  it("numbers an embedded message's parts under the message/rfc822 part (RFC 3501 example 3.1, 3.2)", () => {
    const number = createPartNumberer();
    const root = node(false, "mixed");
    const [text, file, message] = [node(root), node(root), node(root)];
    const innerRoot = node(message, "mixed");
    const [innerText, innerFile] = [node(innerRoot), node(innerRoot)];
    expect([text, file, message, innerRoot, innerText, innerFile].map(number)).toEqual(["1", "2", "3", "3", "3.1", "3.2"]);
  });

  it("numbers the single body of an embedded message n.1", () => {
    const number = createPartNumberer();
    const root = node(false, "mixed");
    const message = (number(node(root)), node(root));
    expect(number(node(message))).toBe("2.1");
  });

  it("numbers a message that is itself message/rfc822 as part 1 with its parts 1.1, 1.2", () => {
    const number = createPartNumberer();
    const root = node(false);
    const innerRoot = node(root, "mixed");
    expect([root, innerRoot, node(innerRoot), node(innerRoot)].map(number)).toEqual(["1", "1", "1.1", "1.2"]);
  });

  it("gives the same node the same number when asked again", () => {
    const number = createPartNumberer();
    const root = node(false, "mixed");
    const first = node(root);
    expect([number(first), number(first), number(node(root))]).toEqual(["1", "1", "2"]);
  });
});

describe("createPartNumberer with a prefix (an attached message parsed on its own)", () => {
  it("numbers the parts as IMAP numbers them inside the outer message", () => {
    const number = createPartNumberer("2");
    const root = node(false, "mixed");
    expect([root, node(root), node(root)].map(number)).toEqual(["2", "2.1", "2.2"]);
    expect(createPartNumberer("3.1")(node(false))).toBe("3.1.1");
  });
});
