import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { getConfig } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "./migrate";

// One client per process, kept on globalThis so Next's dev reloads don't open a new pool each time.
const holder = globalThis as unknown as { posternDb?: PrismaClient };

/** The process-wide Prisma client; the schema is brought up to date on first use. */
export function getDb(): PrismaClient {
  if (!holder.posternDb) {
    const { databaseFile } = getConfig();
    migrate(databaseFile);
    holder.posternDb = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${databaseFile}` }) });
  }
  return holder.posternDb;
}
