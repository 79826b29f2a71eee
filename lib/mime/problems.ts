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
  corruptAttachment: (filename: string) => `The attachment "${filename}" is corrupt (invalid base64) and may be incomplete.`,
} as const;
