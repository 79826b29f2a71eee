// A learner feature (a tokenize.ts token, or an OSB pair of them: features.ts) in words a user
// understands, for the "Why?" panel.

const PARTS: Record<string, (w: string) => string> = {
  "": (w) => `the word “${w}”`,
  "Subject*": (w) => `“${w}” in the subject`,
  "From*": (w) => `“${w}” in the sender’s address or name`,
  "Reply-To*": (w) => `“${w}” in the reply address`,
  "To*": (w) => `“${w}” in the recipients`,
  "Url*": (w) => `“${w}” in a link`,
  "Received*": (w) => `“${w}” in the sending server’s name or address`,
  "Attachment*": (w) => `an attachment “${w}”`,
  "Content-Type*": (w) => `“${w}” in the message format`,
};

function splitToken(token: string): { part: string; word: string } {
  const star = token.indexOf("*");
  return star < 0 ? { part: "", word: token } : { part: token.slice(0, star + 1), word: token.slice(star + 1) };
}

function describeToken(token: string): string {
  const { part, word } = splitToken(token);
  const known = PARTS[part];
  if (known) return known(word);
  return `“${word}” in the ${part.slice(0, -1)} header`;
}

/** "Subject*FREE" → “FREE” in the subject; a pair "click 0 here" → the words “click here”; with
 * a gap, “click … here”. */
export function describeFeature(feature: string): string {
  const pair = feature.match(/^(\S+) (\d) (\S+)$/);
  if (!pair) return describeToken(feature);
  const [, a, gap, b] = pair;
  const first = splitToken(a);
  const second = splitToken(b);
  const words = `“${first.word}${gap === "0" ? " " : " … "}${second.word}”`;
  if (!first.part) return `the words ${words}`;
  return `${words} in ${PARTS[first.part] ? PARTS[first.part]("").replace(/^“” in /, "").replace(/^an attachment “”$/, "an attachment name") : `the ${first.part.slice(0, -1)} header`}`;
}
