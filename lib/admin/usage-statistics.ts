import { getDb } from "@/lib/db/client";

export type ReadLinkStatistics = { sent: number; opened: number; revoked: number; expiredUnopened: number; waiting: number };
export type SpamStatistics = {
  verdicts: { spam: number; unsure: number; ham: number; filedToJunk: number; byUser: number };
  learned: { spam: number; ham: number; accounts: number };
};

/** Read links kept (receipts are kept a year, lib/read-links/read-link-store.ts), by state. */
export async function readLinkStatistics(now = new Date()): Promise<ReadLinkStatistics> {
  const link = getDb().readLink;
  const [sent, opened, revoked, expiredUnopened] = await Promise.all([
    link.count(),
    link.count({ where: { openedAt: { not: null } } }),
    link.count({ where: { openedAt: null, revokedAt: { not: null } } }),
    link.count({ where: { openedAt: null, revokedAt: null, expiresAt: { lte: now } } }),
  ]);
  return { sent, opened, revoked, expiredUnopened, waiting: sent - opened - revoked - expiredUnopened };
}

/** The spam filter across all accounts: verdicts on new mail, and what users taught it. */
export async function spamStatistics(): Promise<SpamStatistics> {
  const db = getDb();
  const [spam, unsure, all, filedToJunk, byUser, learned, accounts] = await Promise.all([
    db.spamVerdict.count({ where: { isSpam: true, byUser: false } }),
    db.spamVerdict.count({ where: { unsure: true, isSpam: false, byUser: false } }),
    db.spamVerdict.count({ where: { byUser: false } }),
    db.spamVerdict.count({ where: { filed: true } }),
    db.spamVerdict.count({ where: { byUser: true } }),
    db.spamCorpus.aggregate({ _sum: { spamMessages: true, hamMessages: true } }),
    db.spamCorpus.count({ where: { OR: [{ spamMessages: { gt: 0 } }, { hamMessages: { gt: 0 } }] } }),
  ]);
  return {
    verdicts: { spam, unsure, ham: all - spam - unsure, filedToJunk, byUser },
    learned: { spam: learned._sum.spamMessages ?? 0, ham: learned._sum.hamMessages ?? 0, accounts },
  };
}
