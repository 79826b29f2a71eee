import { Prisma } from "@/lib/generated/prisma/client";
import { databaseProvider } from "./client";

// The few pieces of raw SQL that SQLite and PostgreSQL spell differently. Everything else in raw
// queries is written in the part of SQL both engines share (quoted identifiers, ON CONFLICT ...).

/** `IN (...)` over a list sent as ONE JSON parameter: binding hundreds of parameters one by one
 * costs more than the lookup itself. */
export function inJsonList(values: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(values);
  return databaseProvider() === "postgresql"
    ? Prisma.sql`IN (SELECT jsonb_array_elements_text(${json}::jsonb))`
    : Prisma.sql`IN (SELECT value FROM json_each(${json}))`;
}

/** `IN (...)` over whole numbers sent as one JSON parameter (see inJsonList). */
export function inJsonIntList(values: readonly number[]): Prisma.Sql {
  const json = JSON.stringify(values.map((v) => Math.trunc(v)));
  return databaseProvider() === "postgresql"
    ? Prisma.sql`IN (SELECT jsonb_array_elements_text(${json}::jsonb)::integer)`
    : Prisma.sql`IN (SELECT value FROM json_each(${json}))`;
}

/** The larger of two values (SQLite's two-argument max(), PostgreSQL's GREATEST). */
export function greatest(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return databaseProvider() === "postgresql" ? Prisma.sql`GREATEST(${a}, ${b})` : Prisma.sql`max(${a}, ${b})`;
}
