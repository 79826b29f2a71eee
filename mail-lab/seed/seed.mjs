// Demo seed over IMAP (run by `bash mail-lab/lab seed`, which first wipes the users' homes so the
// UIDs come out the same every time). Standalone use also works and is idempotent:
//   node mail-lab/seed/seed.mjs
// 1. empties alice/bob/carol/sink (all messages; folders other than the special-use ones deleted)
// 2. APPENDs the demo corpus (corpus.mjs) to alice's INBOX, oldest first, with flags + internal dates
// 3. checks the resulting counts
import { ImapFlow } from 'imapflow';
import { labConfig, LAB_USERS } from './lab-config.mjs';
import { buildCorpus, CORPUS_SIZE, SEED_USER, SEED_MAILBOX } from './corpus.mjs';

const cfg = labConfig();
const KEEP = new Set(['INBOX', 'Drafts', 'Sent', 'Junk', 'Trash', 'Archive']);
const RESET = ['alice', 'bob', 'carol', 'sink'];

function client(u) {
  return new ImapFlow({
    host: cfg.host, port: cfg.imapPort, secure: false, doSTARTTLS: false, logger: false,
    auth: { user: LAB_USERS[u].user, pass: LAB_USERS[u].pass },
    clientInfo: { name: 'postern-mail-lab-seed' },
  });
}

async function empty(c) {
  const boxes = await c.list();
  // deepest first so children go before parents
  for (const b of boxes.sort((x, y) => y.path.length - x.path.length)) {
    if (KEEP.has(b.path)) continue;
    await c.mailboxDelete(b.path);
  }
  for (const p of KEEP) {
    const st = await c.status(p, { messages: true }).catch(() => null);
    if (!st || !st.messages) continue;
    const lock = await c.getMailboxLock(p);
    try { await c.messageDelete('1:*'); } finally { lock.release(); }
  }
}

const t0 = Date.now();
const corpus = buildCorpus();
for (const u of RESET) {
  const c = client(u);
  await c.connect();
  await empty(c);
  if (u === 'alice') {
    const t1 = Date.now();
    let bytes = 0;
    for (const m of corpus) {
      const r = await c.append(SEED_MAILBOX, m.raw, m.flags, m.internalDate);
      if (!r || !r.uid) throw new Error(`APPEND of ${m.key} failed`);
      bytes += m.raw.length;
    }
    console.log(`appended ${corpus.length} messages (${(bytes / 1e6).toFixed(1)} MB) to ${SEED_USER} ${SEED_MAILBOX} in ${((Date.now() - t1) / 1000).toFixed(2)}s`);
  }
  const st = await c.status('INBOX', { messages: true, unseen: true });
  const expected = u === 'alice' ? CORPUS_SIZE : 0;
  if (st.messages !== expected) throw new Error(`${u}: INBOX has ${st.messages} messages, expected ${expected}`);
  console.log(`${LAB_USERS[u].user.padEnd(20)} INBOX messages=${st.messages} unseen=${st.unseen}`);
  await c.logout();
}
console.log(`seed OK in ${((Date.now() - t0) / 1000).toFixed(2)}s`);
