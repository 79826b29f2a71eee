// An import's problem lines (lib/contacts/vcard/vcard-problems.ts) in the reader's language.
import type { VcardProblem } from "@/lib/contacts/vcard/split-vcards";
import { sayError, type RootTranslate } from "@/app/i18n/say-error";

/** "Entry 4 (“Broken Bob”), line 38: …", given the locale's root translator. */
export function sayVcardProblem(locale: string, t: RootTranslate, p: VcardProblem): string {
  const values = p.error ? { ...p.values, reason: sayError(locale, t, p.error) } : p.values;
  const problem = t.has(`vcardProblems.${p.key}`) ? t(`vcardProblems.${p.key}`, values) : p.message;
  if (!p.entry) return t("vcardProblems.atLine", { line: p.line, problem });
  if (!p.name) return t("vcardProblems.atEntry", { entry: p.entry, line: p.line, problem });
  return t("vcardProblems.atNamedEntry", { entry: p.entry, name: p.name, line: p.line, problem });
}
