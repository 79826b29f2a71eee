import { describe, expect, it } from "vitest";
import { contrast, luminance, parseColor, type Rgb } from "./css-color";
import { adaptColorsForDark, darkBackground, DARK_BODY, readableOn } from "./dark-colors";
import { buildFrameDocument } from "./frame-document";

const rgb = (s: string) => parseColor(s) as Rgb;
const vars = (list: string[]) => new Map(list.map((v) => v.split(":") as [string, string]));

describe("dark mode for mail bodies", () => {
  it("gives a newsletter's white table a dark background and its grey text a readable light value", () => {
    const { html, variables } = adaptColorsForDark('<table bgcolor="#ffffff"><tr><td style="color: #333333">Hello</td></tr></table>');
    const dark = vars(variables);
    expect(html).toContain("background-color:var(--pd1,#ffffff)");
    expect(html).toContain("color:var(--pd2,#333333)");
    expect(luminance(rgb(dark.get("--pd1")!))).toBeLessThan(0.05);
    expect(contrast(rgb(dark.get("--pd2")!), rgb(dark.get("--pd1")!))).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps in light mode exactly what the sender wrote (each variable falls back to it), !important included", () => {
    const { html } = adaptColorsForDark('<p style="color: #222 !important; font-weight: bold">x</p>');
    expect(html).toContain("color: #222 !important; font-weight: bold;color:var(--pd1,#222) !important");
  });

  it("leaves alone what is already dark and readable, images, and colours it cannot read", () => {
    const input = '<div style="background-color: #000; color: #fff">a</div><img src="data:image/png;base64,AA" alt="logo"><p style="color: rgba(0,0,0,0.5); background: linear-gradient(#fff, #eee)">b</p>';
    expect(adaptColorsForDark(input)).toEqual({ html: input, variables: [] });
  });

  it("makes inherited text readable on a background the sender set without a text colour", () => {
    const { variables, html } = adaptColorsForDark('<div style="color:#111"><span style="background-color: #ffeb3b">note</span></div>');
    const dark = vars(variables);
    expect(html).toMatch(/<span style="background-color: #ffeb3b;background-color:var\(--pd2,#ffeb3b\)">/);
    // the span's text is the div's adapted colour, readable on the span's new background
    expect(contrast(rgb(dark.get("--pd1")!), rgb(dark.get("--pd2")!))).toBeGreaterThanOrEqual(4.5);
  });

  it("a button keeps its white label on its darkened colour", () => {
    const { variables, html } = adaptColorsForDark('<td style="background-color:#ff6600"><a href="https://x.example/" style="color:#ffffff">Buy</a></td>');
    expect(variables).toHaveLength(1);
    expect(html).toContain('style="color:#ffffff"');
    expect(contrast(rgb("#ffffff"), rgb(vars(variables).get("--pd1")!))).toBeGreaterThanOrEqual(4.5);
  });

  it("any text colour on any background ends at a contrast of at least 4.5:1", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 256);
    for (let i = 0; i < 3000; i++) {
      const bg = darkBackground({ r: next(), g: next(), b: next() });
      const fg = readableOn({ r: next(), g: next(), b: next() }, bg);
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(readableOn(rgb("#000000"), rgb(DARK_BODY.background)), rgb(DARK_BODY.background))).toBeGreaterThanOrEqual(4.5);
  });

  it("the frame document carries the dark rules for a dark reader, behind a media query when it follows the system, none for a light one", () => {
    const body = '<p style="color:#333">x</p>';
    expect(buildFrameDocument(body, { allowRemoteContent: false, scheme: "light" })).not.toContain("--pd1");
    const system = buildFrameDocument(body, { allowRemoteContent: false, scheme: "system" });
    expect(system).toMatch(/@media \(prefers-color-scheme: dark\) \{[^]*--pd1:#/);
    const dark = buildFrameDocument(body, { allowRemoteContent: false, scheme: "dark" });
    expect(dark).not.toContain("@media (prefers-color-scheme");
    expect(dark).toContain(`body { background: ${DARK_BODY.background}`);
    expect(dark).toContain("color:var(--pd1,#333)");
  });
});
