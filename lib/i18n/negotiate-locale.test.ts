import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it("maps a regional variant to its language", () => {
    expect(negotiateLocale("de-AT,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("th-TH")).toBe("th");
    expect(negotiateLocale("en-GB,en;q=0.9")).toBe("en");
  });

  it("honours q weights over the header's order", () => {
    expect(negotiateLocale("en;q=0.5, de;q=0.9")).toBe("de");
    expect(negotiateLocale("fr-FR, th;q=0.4, de;q=0.3")).toBe("th");
  });

  it("falls back to English for languages Postern does not speak, and for nonsense", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9")).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale("!!!,;;;q=abc")).toBe("en");
    expect(negotiateLocale("de;q=0")).toBe("en");
  });

  it("offers the pseudo locale only when enabled", () => {
    expect(negotiateLocale("en-XA", { pseudo: true })).toBe("en-XA");
    expect(negotiateLocale("en-XA")).toBe("en");
  });

  it("parses weights and drops invalid tags", () => {
    expect(parseAcceptLanguage("da, en-gb;q=0.8, en;q=0.7, x y;q=0.9")).toEqual(["da", "en-gb", "en"]);
  });
});
