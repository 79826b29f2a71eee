import { describe, expect, it } from "vitest";
import { cleanFilename } from "@/lib/mime/clean-filename";

describe("cleanFilename", () => {
  it("keeps ordinary names, Unicode included", () => {
    expect(cleanFilename("Rechnung März.pdf", "application/pdf", "2")).toBe("Rechnung März.pdf");
  });

  it("strips paths, control characters, reserved characters and leading dots", () => {
    expect(cleanFilename("../../etc/passwd", "text/plain", "2")).toBe("passwd");
    expect(cleanFilename("C:\\Users\\x\\evil.exe", "application/octet-stream", "2")).toBe("evil.exe");
    expect(cleanFilename("a\u0000b\r\n<c>:\"d\"|?*.txt", "text/plain", "2")).toBe("abcd.txt");
    expect(cleanFilename("...hidden", "text/plain", "2")).toBe("hidden");
  });

  it("removes bidi controls that disguise the extension", () => {
    expect(cleanFilename("invoice\u202Efdp.exe", "application/octet-stream", "2")).toBe("invoicefdp.exe");
  });

  it("makes up a name from the part number and type when there is none left", () => {
    expect(cleanFilename(undefined, "image/png", "1.2")).toBe("part-1.2.png");
    expect(cleanFilename("///", "application/x-unknown", "3")).toBe("part-3.bin");
  });

  it("shortens long names but keeps the extension", () => {
    const name = cleanFilename(`${"x".repeat(300)}.pdf`, "application/pdf", "2");
    expect(name).toHaveLength(120);
    expect(name.endsWith("x.pdf")).toBe(true);
  });
});
