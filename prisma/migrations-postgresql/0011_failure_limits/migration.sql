-- Failure limiters (sign-in, read-link guessing) shared by every Postern process (issue 19).
-- Times are milliseconds since 1970, so the atomic upsert in lib/http/failure-limiter.ts reads the
-- same on both engines.
CREATE TABLE "FailureCount" (
    "key" TEXT NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockouts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" BIGINT,
    "lastFailureAt" BIGINT NOT NULL,
    CONSTRAINT "FailureCount_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "FailureCount_lastFailureAt_idx" ON "FailureCount"("lastFailureAt");
