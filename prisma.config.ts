import { defineConfig } from "prisma/config";

// Only `prisma generate` is used (offline: PRISMA_SCHEMA_ENGINE_BINARY=/bin/false). The schema is
// applied from prisma/migrations by lib/db/migrate.ts at start-up, not by `prisma migrate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/postern.db" },
});
