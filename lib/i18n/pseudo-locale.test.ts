import { describe, expect, it } from "vitest";
import { pseudoMessage } from "./pseudo-locale";

describe("pseudoMessage", () => {
  it("wraps and accents literal text, keeping placeholders", () => {
    expect(pseudoMessage("Save {name}")).toBe("⟦Šávé {name}⟧");
  });
  it("keeps plural keys and the # sign, accents the options' text", () => {
    expect(pseudoMessage("{count, plural, one {# message} other {# messages}}")).toBe(
      "⟦{count,plural,one{# méššágé} other{# méššágéš}}⟧",
    );
  });
  it("keeps rich-text tag names", () => {
    expect(pseudoMessage("Open <link>Receipts</link>")).toBe("⟦Ópéñ <link>Réçéíptš</link>⟧");
  });
});
