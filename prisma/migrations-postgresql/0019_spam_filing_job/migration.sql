-- Spam filing of a flood of new INBOX mail runs as a background job per account (issue 20),
-- claimed here so that one process at a time works it; `until` is the claim's lease, renewed after
-- each batch, so a process that dies leaves the job to the next listing anywhere.
CREATE TABLE "SpamFilingJob" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL
);
