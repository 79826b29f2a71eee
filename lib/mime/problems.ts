// The notes ParsedMessage.problems carries. They are shown to the user as they are, so they say
// what happened to the message in words, not parser internals.

export const PROBLEMS = {
  damagedStructure: "The message structure is damaged; some parts may be missing.",
  unreadable: "The message could not be read.",
  parseFailed: "The message could not be parsed completely; it is shown as raw text.",
  noHeaders: "The message has no readable headers; it is shown as raw text.",
  sourceFailed: "The message could not be downloaded completely; some parts may be missing.",
  rawTextTruncated: "Only the beginning of the raw message is shown.",
  bodyTruncated: "The message text is very long; only the beginning is shown.",
  unreadableDate: "The date of the message could not be read.",
  htmlToTextFailed: "A plain-text version of the HTML could not be made.",
  inlineImagesTooLarge: "Some inline images are too large to show; they are listed as attachments.",
  corruptContent: "Part of the message is corrupt (invalid base64) and may be incomplete.",
  boundaryGuessed: "The message declares a wrong boundary between its parts; Postern found the one it really uses.",
  partsNotFound: "The parts of this message could not be found (its boundary is wrong); its raw content is shown as text.",
  badQuotedPrintable: "Part of the message has damaged quoted-printable encoding; a few characters may show wrong.",
  attachedMessagesLimit: "This message has many attached messages; only the first ones are shown, the others can be downloaded.",
  tnefDamaged: (filename: string) => `The attachment "${filename}" is damaged; only some of the files in it could be unpacked.`,
  tnefTooLarge: (filename: string) => `The attachment "${filename}" is too large to unpack; it can still be downloaded.`,
  opaqueSigned: "This message is signed (S/MIME signed-data), but what it contains could not be read; download it to read it in a mail program.",
  corruptAttachment: (filename: string) => `The attachment "${filename}" is corrupt (invalid base64) and may be incomplete.`,
} as const;

export type ProblemKey = keyof typeof PROBLEMS;
export type NamedProblem = { key: ProblemKey; filename?: string };

/**
 * Which of PROBLEMS a note is, with its file name for those that carry one, so the UI can say
 * it in the reader's language (messages/*.json "mimeProblems"); null for a note not from this
 * table (shown as it is).
 */
export function nameProblem(text: string): NamedProblem | null {
  for (const [key, entry] of Object.entries(PROBLEMS) as [ProblemKey, (typeof PROBLEMS)[ProblemKey]][]) {
    if (typeof entry === "string") {
      if (entry === text) return { key };
      continue;
    }
    // the sentence around the file name: what the function writes for an empty one, split there
    const [before, after] = entry("\u0000").split("\u0000");
    if (text.length > before.length + after.length && text.startsWith(before) && text.endsWith(after)) {
      return { key, filename: text.slice(before.length, text.length - after.length) };
    }
  }
  return null;
}
