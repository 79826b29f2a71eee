-- A browser that opened a read link may fetch its content again for a short time (lost answer).
ALTER TABLE "ReadLink" ADD COLUMN "retryHash" TEXT;
ALTER TABLE "ReadLink" ADD COLUMN "retryUntil" TIMESTAMP(3);
