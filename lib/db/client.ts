import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { migratePostgresql } from "./migrate-postgresql";
import { migrate } from "./migrate-sqlite";

// One client per process, kept on globalThis so Next's dev reloads don't open a new pool each time.
const holder = globalThis as unknown as { posternDb?: PrismaClient };

/**
 * The process-wide Prisma client for DATABASE_URL (SQLite file or PostgreSQL); the schema is
 * brought up to date before the first query.
 */
export function getDb(): PrismaClient {
  holder.posternDb ??= openDatabase();
  return holder.posternDb;
}

/** Which engine getDb() talks to, for the few raw SQL statements that differ between them. */
export function databaseProvider(): "sqlite" | "postgresql" {
  return getConfig().databaseProvider;
}

function openDatabase(): PrismaClient {
  const { databaseProvider, databaseFile, databaseUrl } = getConfig();
  if (databaseProvider === "sqlite") {
    migrate(databaseFile);
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${databaseFile}` }) });
  }
  const adapter = migrateBeforeConnecting(new PrismaPg({ connectionString: databaseUrl, application_name: "postern" }), () =>
    migratePostgresql(databaseUrl),
  );
  // Prisma generates one client per provider (lib/generated/prisma-postgresql comes from the same
  // schema.prisma, scripts/setup.sh). Their model APIs are the same; the code is typed against the
  // SQLite one, the narrower of the two, so it only uses what both engines can do.
  return new PostgresqlPrismaClient({ adapter }) as unknown as PrismaClient;
}

/** The part of a driver adapter factory Prisma uses. */
type AdapterFactory = Pick<PrismaPg, "provider" | "adapterName" | "connect">;

/** Runs `migrate` once before the first connection (again after a failure, e.g. database down). */
function migrateBeforeConnecting(factory: AdapterFactory, migrate: () => Promise<unknown>): AdapterFactory {
  let ready: Promise<unknown> | undefined;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      ready ??= migrate().catch((e) => {
        ready = undefined;
        throw e;
      });
      await ready;
      return factory.connect();
    },
  };
}

/** For tests that change DATABASE_URL: the next getDb() opens the database the environment names. */
export async function closeDbForTests(): Promise<void> {
  const db = holder.posternDb;
  holder.posternDb = undefined;
  await db?.$disconnect();
}
