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

/** Where in a message a feature's words were found; `header` names any other header. */
export type FeaturePlace = "body" | "subject" | "from" | "replyTo" | "to" | "url" | "received" | "attachment" | "contentType" | "header";

const PLACES: Record<string, FeaturePlace> = {
  "": "body",
  "Subject*": "subject",
  "From*": "from",
  "Reply-To*": "replyTo",
  "To*": "to",
  "Url*": "url",
  "Received*": "received",
  "Attachment*": "attachment",
  "Content-Type*": "contentType",
};

export type FeatureParts = { place: FeaturePlace; header: string; words: string; pair: boolean };

/** describeFeature's facts without its English, for the UI to say in the reader's language:
 * "Subject*FREE" → subject, “FREE”; "click 1 here" → body, “click … here”, a pair. */
export function featureParts(feature: string): FeatureParts {
  const pair = feature.match(/^(\S+) (\d) (\S+)$/);
  const first = splitToken(pair ? pair[1] : feature);
  const words = pair ? `${first.word}${pair[2] === "0" ? " " : " … "}${splitToken(pair[3]).word}` : first.word;
  const place = PLACES[first.part] ?? "header";
  return { place, header: place === "header" ? first.part.slice(0, -1) : "", words, pair: Boolean(pair) };
}
