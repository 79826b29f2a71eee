import { PosternError } from "@/lib/http/errors";

/** Longest folder name (one level, in characters) Postern accepts; servers cap whole paths too. */
export const MAX_FOLDER_NAME_LENGTH = 100;

export type FolderNameProblem = "empty" | "too_long" | "invisible_chars" | "delimiter" | "wildcard" | "dots";

// C0/C1 controls, line/paragraph separators, bidi overrides and the BOM: they either break the
// IMAP command or make a name look like something it is not (an RLO can disguise "hsarT").
const INVISIBLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;
// LIST wildcards: RFC 3501 lets servers refuse them, and a name containing one lists as a pattern.
const WILDCARD = /[*%]/;

/**
 * The name as it will be created: trimmed and in Unicode NFC, so "ü" typed on a Mac (u + combining
 * diaeresis) and on Windows ends up as the same folder. `problem` says why it cannot be used.
 * `delimiter` is the server's hierarchy separator (null on a flat server): one level only, the
 * parent is chosen separately.
 */
export function checkFolderName(raw: string, delimiter: string | null): { name: string; problem: FolderNameProblem | null } {
  // A lone surrogate cannot be encoded in modified UTF-7 (or UTF-8) at all.
  if (!raw.isWellFormed()) return { name: raw, problem: "invisible_chars" };
  const name = raw.normalize("NFC").trim();
  if (!name) return { name, problem: "empty" };
  if ([...name].length > MAX_FOLDER_NAME_LENGTH) return { name, problem: "too_long" };
  if (INVISIBLE.test(name)) return { name, problem: "invisible_chars" };
  if (delimiter && name.includes(delimiter)) return { name, problem: "delimiter" };
  if (WILDCARD.test(name)) return { name, problem: "wildcard" };
  if (name === "." || name === "..") return { name, problem: "dots" };
  return { name, problem: null };
}

/** A sentence for the user saying what is wrong with the name. */
export function describeFolderNameProblem(problem: FolderNameProblem, delimiter: string | null): string {
  switch (problem) {
    case "empty":
      return "Please enter a folder name.";
    case "too_long":
      return `Folder names can have at most ${MAX_FOLDER_NAME_LENGTH} characters.`;
    case "invisible_chars":
      return "Folder names cannot contain control or invisible formatting characters.";
    case "delimiter":
      return `Folder names cannot contain “${delimiter}”: it separates a folder from its subfolders. Choose the parent folder instead.`;
    case "wildcard":
      return "Folder names cannot contain “*” or “%”.";
    case "dots":
      return "“.” and “..” cannot be used as folder names.";
  }
}

/** The usable name, or a BAD_REQUEST saying what is wrong with it. @throws PosternError BAD_REQUEST */
export function validateFolderName(raw: string, delimiter: string | null): string {
  const { name, problem } = checkFolderName(raw, delimiter);
  if (problem) throw new PosternError("BAD_REQUEST", describeFolderNameProblem(problem, delimiter));
  return name;
}
