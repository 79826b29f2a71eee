// What is wrong with a content line ical.js refused, in words the reader's language has
// (vcard-problems.ts): ical.js 2.x's ParserError says it in English, with the line pasted in.
import { vcardSaid, type VcardProblemKey, type VcardSaid } from "./vcard-problems";

/** ical.js's reasons, by how each begins (node_modules/ical.js/dist/ical.js, `new ParserError(`). */
const KNOWN: [RegExp, VcardProblemKey][] = [
  [/^invalid line \(no token ";" or ":"\)/i, "lineNoColon"],
  [/^invalid line \(no matching double quote\)/i, "lineOpenQuote"],
  [/^invalid parameters in /i, "lineParameterNoValue"],
  [/^missing parameter value in /i, "lineNoValue"],
  [/^empty parameter name in /i, "lineParameterNoName"],
  [/^invalid ical body\. component began but did not end/i, "lineBeginWithoutEnd"],
];

/** The problem ical.js's error `e` names; a reason it did not have before is passed on as it is. */
export function lineProblem(e: unknown): VcardSaid {
  const reason = e instanceof Error ? e.message : String(e);
  const known = KNOWN.find(([pattern]) => pattern.test(reason));
  return known ? vcardSaid(known[1]) : vcardSaid("unreadableLine", { reason: reason.slice(0, 200) });
}
