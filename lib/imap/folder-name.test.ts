import { describe, expect, it } from "vitest";
import { checkFolderName, MAX_FOLDER_NAME_LENGTH, validateFolderName } from "./folder-name";

const problem = (name: string, delimiter: string | null = "/") => checkFolderName(name, delimiter).problem;

describe("checkFolderName", () => {
  it("accepts non-ASCII names and names with characters modified UTF-7 must escape", () => {
    for (const name of ["Entwürfe", "日本語", "Tom & Jerry", "a-b_c (2026)", "Ελληνικά", "🙂 fun", "INBOX"]) {
      expect(checkFolderName(name, "/"), name).toEqual({ name, problem: null });
    }
  });

  it("trims and normalizes to NFC, so a decomposed ü names the same folder", () => {
    expect(checkFolderName("  Entwu\u0308rfe\t", "/").name).toBe("Entwürfe");
  });

  it("refuses empty and whitespace-only names", () => {
    expect(problem("")).toBe("empty");
    expect(problem(" \u3000 ")).toBe("empty");
  });

  it("caps the length in characters, not UTF-16 units", () => {
    expect(problem("x".repeat(MAX_FOLDER_NAME_LENGTH))).toBeNull();
    expect(problem("x".repeat(MAX_FOLDER_NAME_LENGTH + 1))).toBe("too_long");
    expect(problem("🙂".repeat(MAX_FOLDER_NAME_LENGTH))).toBeNull();
  });

  it("refuses control characters, bidi overrides and lone surrogates", () => {
    for (const bad of ["a\u0000b", "a\nb", "a\rb", "a\u007fb", "a\u0085b", "\u202etxt.exe", "a\u2066b", "a\ufeffb", "a\ud800b"]) {
      expect(problem(bad), JSON.stringify(bad)).toBe("invisible_chars");
    }
  });

  it("refuses the server's delimiter (the parent is chosen separately), whatever it is", () => {
    expect(problem("a/b", "/")).toBe("delimiter");
    expect(problem("a.b", ".")).toBe("delimiter");
    expect(problem("a.b", "/")).toBeNull();
    expect(problem("a/b", null)).toBeNull();
  });

  it("refuses LIST wildcards and the dot names", () => {
    expect(problem("a*")).toBe("wildcard");
    expect(problem("100%")).toBe("wildcard");
    expect(problem(".")).toBe("dots");
    expect(problem("..")).toBe("dots");
    expect(problem("...")).toBeNull();
  });
});

describe("validateFolderName", () => {
  it("returns the clean name or throws BAD_REQUEST with a sentence naming the delimiter", () => {
    expect(validateFolderName(" Projekte ", "/")).toBe("Projekte");
    expect(() => validateFolderName("a/b", "/")).toThrowError(expect.objectContaining({ code: "BAD_REQUEST", message: expect.stringContaining("“/”") }));
  });
});
