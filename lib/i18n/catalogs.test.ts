import { isStructurallySame, parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGS, loadMessages } from "./load-messages";
import { LOCALES } from "./locales";
import type { Messages } from "./pseudo-locale";
import { POSTERN_ERROR_CODES } from "@/lib/http/errors";
import { PROBLEMS } from "@/lib/mime/problems";

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(messages)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const english = flatten(CATALOGS.en);

describe("the catalogs", () => {
  it("English has strings", () => expect(english.size).toBeGreaterThan(100));

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const other = flatten(CATALOGS[locale]);
    it(`${locale} has exactly English's keys`, () => {
      expect([...other.keys()].filter((k) => !english.has(k)), "keys only in " + locale).toEqual([]);
      expect([...english.keys()].filter((k) => !other.has(k)), "keys missing in " + locale).toEqual([]);
    });
    it(`${locale} uses the same ICU placeholders, plurals and tags as English`, () => {
      const wrong = [...english].filter(([key, en]) => {
        const translated = other.get(key);
        return translated === undefined || !isStructurallySame(parse(en), parse(translated)).success;
      });
      expect(wrong.map(([k]) => k)).toEqual([]);
    });
    it(`${locale} translates (no empty strings)`, () => {
      expect([...other].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
    });
  }

  it("has a text for every error code (app/i18n/error-text.ts)", () => {
    expect(POSTERN_ERROR_CODES.filter((code) => !english.has(`errors.${code}`))).toEqual([]);
  });

  it("says every message problem (lib/mime/problems.ts) as lib writes it in English", () => {
    for (const [key, entry] of Object.entries(PROBLEMS)) {
      const en = english.get(`mimeProblems.${key}`);
      expect(en, key).toBeDefined();
      expect(en!.replace("{filename}", "x.dat"), key).toBe(typeof entry === "string" ? entry : entry("x.dat"));
    }
  });

  it("every message parses, and the pseudo catalog keeps every placeholder", () => {
    const pseudo = flatten(loadMessages("en-XA"));
    for (const [key, en] of english) {
      expect(isStructurallySame(parse(en), parse(pseudo.get(key)!)).success, key).toBe(true);
      expect(pseudo.get(key)!.startsWith("⟦"), key).toBe(true);
    }
  });
});
