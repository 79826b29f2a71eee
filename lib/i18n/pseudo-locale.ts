import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

export type Messages = { [key: string]: string | Messages };

const ACCENTED: Record<string, string> = {
  a: "á", e: "é", i: "í", o: "ó", u: "ú", y: "ý", c: "ç", n: "ñ", s: "š", z: "ž",
  A: "Á", E: "É", I: "Í", O: "Ó", U: "Ú", Y: "Ý", C: "Ç", N: "Ñ", S: "Š", Z: "Ž",
};
export const PSEUDO_OPEN = "⟦";
export const PSEUDO_CLOSE = "⟧";

function accent(text: string): string {
  return text.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch);
}

/** Accents the literal text of a message, leaving placeholders, plural keys and tag names alone. */
function accentElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.tag) return { ...el, children: accentElements(el.children) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: accentElements(o.value) }]));
      return { ...el, options };
    }
    return el;
  });
}

/** One message in pseudo form: `Save {n} files` → `⟦Šávé {n} fíléš⟧`. */
export function pseudoMessage(message: string): string {
  return PSEUDO_OPEN + printAST(accentElements(parse(message))) + PSEUDO_CLOSE;
}

/** The whole catalog in pseudo form (the test-only locale, lib/i18n/locales.ts). */
export function pseudoCatalog(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([k, v]) => [k, typeof v === "string" ? pseudoMessage(v) : pseudoCatalog(v)]),
  );
}
