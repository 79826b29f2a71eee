import { Prisma } from "@/lib/generated/prisma/client";
import { queryWords, wordPrefixPattern } from "./fold-text";

/**
 * SQL matching rows whose folded "searchText" has a word starting with each word of `query`
 * (TRUE for an empty query). Raw SQL for LIKE's ESCAPE: Prisma's contains/startsWith leave "_"
 * and "%" as wildcards on SQLite.
 */
export function searchCondition(query: string): Prisma.Sql {
  const words = queryWords(query);
  if (words.length === 0) return Prisma.sql`TRUE`;
  return Prisma.join(
    words.map((w) => Prisma.sql`"searchText" LIKE ${wordPrefixPattern(w)} ESCAPE '\\'`),
    " AND ",
  );
}
