import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("attachment", "Übersicht 2026.pdf")).toBe(
      `attachment; filename="_bersicht 2026.pdf"; filename*=UTF-8''%C3%9Cbersicht%202026.pdf`,
    );
  });
  it("neutralizes quotes, path separators and header injection", () => {
    const v = contentDisposition("attachment", 'a"b\r\nSet-Cookie: x/../c\\d.txt');
    expect(v).not.toMatch(/[\r\n]/);
    expect(v).toMatch(/^attachment; filename="a_b__Set-Cookie: x_.._c_d.txt"/);
  });
  it("never gives an empty name", () => {
    expect(contentDisposition("inline", "  ")).toContain('filename="download"');
  });
});
