/**
 * Text folded for case-blind search beyond ASCII: compatibility forms unified (NFKC), then upper
 * and back to lower case, which folds what a plain toLowerCase misses ("ß" and "SS" both give
 * "ss", final sigma). Both the stored column and the query go through this, so the database only
 * compares folded text and SQLite's ASCII-only LIKE folding no longer matters.
 */
export function foldText(s: string): string {
  return s.normalize("NFKC").toUpperCase().toLowerCase();
}

/** The search column of a row: each part folded, every word preceded by a space, so a LIKE on
 * `% query%` matches the start of any word (and of any address). */
export function searchTextOf(parts: readonly string[]): string {
  const words = parts.flatMap((p) => foldText(p).split(/\s+/)).filter(Boolean);
  return words.length ? ` ${words.join(" ")}` : "";
}

/** A LIKE pattern matching the start of any word of a searchTextOf column, with %, _ and \ taken
 * literally (used with ESCAPE '\'). */
export function wordPrefixPattern(query: string): string {
  return `% ${foldText(query.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Words a search looks for, each to start some word of the row, in any order ("ann smith" finds
 * "Smith, Ann"); a few at most, since each is one LIKE. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean).slice(0, 6);
}
