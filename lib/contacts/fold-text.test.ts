import { describe, expect, it } from "vitest";
import { foldText, searchTextOf, wordPrefixPattern } from "./fold-text";

describe("foldText", () => {
  it("ignores case beyond ASCII", () => {
    expect(foldText("ÉMILE Ωμέγα")).toBe(foldText("émile ωμέγα"));
    expect(foldText("STRASSE")).toBe(foldText("Straße"));
    expect(foldText("ＡＢＣ")).toBe("abc");
  });
});

describe("searchTextOf", () => {
  it("puts a space before every word so a prefix matches any word", () => {
    expect(searchTextOf(["Émile Zola", "", "EZ@Example.test"])).toBe(" émile zola ez@example.test");
    expect(searchTextOf([" ", ""])).toBe("");
  });
});

describe("wordPrefixPattern", () => {
  it("takes LIKE wildcards literally", () => {
    expect(wordPrefixPattern(" A_b%\\ ")).toBe("% a\\_b\\%\\\\%");
  });
});
