-- Issue 24: the spam filter judges the articles of a subscribed group when its reader turns it on.
ALTER TABLE "NewsSubscription" ADD COLUMN "spamFilter" BOOLEAN NOT NULL DEFAULT false;
