// Smoke check of a running mail lab:  node mail-lab/check.mjs     (exit code != 0 on failure)
// IMAP login + capabilities, special-use folders, GETQUOTAROOT, SORT/THREAD, IMAPS, submission
// alice -> bob (delivery via Postfix -> LMTP), external recipient -> sink, ManageSieve, POP3.
// The messages it sends are deleted again at the end, so a seeded lab stays as seeded.
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { labConfig, LAB_USERS as U } from './seed/lab-config.mjs';

const cfg = labConfig();
const H = cfg.host;
const tag = `check-${Date.now().toString(36)}`;
const t0 = Date.now();
const DEADLINE_MS = 15000;
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(2)}s]`, ...a);
let failed = 0;
const ok = (cond, msg) => { if (cond) log('OK  ', msg); else { failed++; log('FAIL', msg); } return cond; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const imap = (u, extra = {}) => new ImapFlow({
  host: H, port: cfg.imapPort, secure: false, doSTARTTLS: false, logger: false,
  auth: { user: U[u].user, pass: U[u].pass }, clientInfo: { name: 'postern-mail-lab-check' }, ...extra,
});
const smtp = (u) => nodemailer.createTransport({
  host: H, port: cfg.submissionPort, secure: false, auth: { user: U[u].user, pass: U[u].pass }, tls: { rejectUnauthorized: false },
});
async function waitFor(client, mailbox, criteria, ms = DEADLINE_MS) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const lock = await client.getMailboxLock(mailbox);
    try { const r = await client.search(criteria, { uid: true }); if (r.length) return r; } finally { lock.release(); }
    await sleep(100);
  }
  return [];
}
async function removeUids(client, mailbox, uids) {
  if (!uids.length) return;
  const lock = await client.getMailboxLock(mailbox);
  try { await client.messageDelete(uids, { uid: true }); } finally { lock.release(); }
}
// line-based raw protocol helper (POP3, ManageSieve, raw IMAP)
function raw(port) {
  const s = net.connect(port, H); let buf = ''; const waiters = [];
  s.setEncoding('utf8');
  s.on('data', (d) => { buf += d; waiters.splice(0).forEach((w) => w()); });
  s.on('error', (e) => { buf += `\nERROR ${e.message}\n`; waiters.splice(0).forEach((w) => w()); });
  const until = async (re, ms = 10000) => {
    const end = Date.now() + ms;
    while (!re.test(buf)) {
      if (/\nERROR /.test(buf) || Date.now() > end) throw new Error(`port ${port}: no ${re} in ${JSON.stringify(buf.slice(0, 300))}`);
      await Promise.race([new Promise((r) => waiters.push(r)), sleep(200)]);
    }
    const out = buf; buf = ''; return out;
  };
  return { send: (l) => s.write(l + '\r\n'), until, end: () => s.end() };
}

async function main() {
  log(`lab: ${cfg.labDir}  IMAP ${cfg.imapPort}, IMAPS ${cfg.imapsPort}, submission ${cfg.submissionPort}, POP3 ${cfg.pop3Port}, ManageSieve ${cfg.sievePort}`);

  // --- IMAP login, capabilities, special-use, quota
  const alice = imap('alice');
  await alice.connect();
  ok(alice.authenticated, `IMAP LOGIN ${U.alice.user} (port ${cfg.imapPort})`);
  const caps = [...alice.capabilities.keys()];
  const need = ['IDLE', 'QUOTA', 'SPECIAL-USE', 'SORT', 'THREAD=REFERENCES', 'MOVE', 'UIDPLUS', 'CONDSTORE', 'ID'];
  ok(need.every((c) => alice.capabilities.has(c)), `CAPABILITY has ${need.join(' ')}`);
  const boxes = await alice.list();
  const su = Object.fromEntries(boxes.filter((b) => b.specialUse).map((b) => [b.specialUse, b]));
  log('LIST', boxes.map((b) => `${b.path}${b.specialUse ? ' ' + b.specialUse : ''}${b.subscribed ? ' (subscribed)' : ''}`).join(', '));
  ok(['\\Drafts', '\\Sent', '\\Junk', '\\Trash', '\\Archive'].every((s) => su[s] && su[s].subscribed), 'special-use Drafts/Sent/Junk/Trash/Archive present and subscribed');
  const q = await alice.getQuota('INBOX');
  log('GETQUOTAROOT', JSON.stringify(q));
  ok(q && q.storage && q.storage.limit === 100 * 1024 * 1024, `GETQUOTAROOT: storage limit 100 MiB, usage ${q?.storage?.usage} bytes`);
  const st = await alice.status('INBOX', { messages: true, unseen: true });
  log(`alice INBOX: ${st.messages} messages, ${st.unseen} unseen`);

  // --- SORT / THREAD (raw; imapflow has no API for them)
  {
    const r = raw(cfg.imapPort);
    await r.until(/^\* OK.*\r\n/m);
    r.send(`a ID ("name" "postern-mail-lab-check")`); await r.until(/^a (OK|NO|BAD).*\r\n/m);
    r.send(`b LOGIN "${U.alice.user}" "${U.alice.pass}"`); await r.until(/^b (OK|NO|BAD).*\r\n/m);
    r.send('c EXAMINE INBOX'); await r.until(/^c (OK|NO|BAD).*\r\n/m);
    r.send('d UID SORT (REVERSE ARRIVAL) UTF-8 ALL'); const sort = await r.until(/^d (OK|NO|BAD).*\r\n/m);
    r.send('e UID THREAD REFERENCES UTF-8 ALL'); const thr = await r.until(/^e (OK|NO|BAD).*\r\n/m);
    r.send('g UID SEARCH SUBJECT "Offsite planning"'); const offs = await r.until(/^g (OK|NO|BAD).*\r\n/m);
    r.send('f LOGOUT'); await r.until(/^f (OK|NO|BAD).*\r\n/m).catch(() => {}); r.end();
    ok(/^\* SORT[\d ]*\r\n/m.test(sort) && /^d OK/m.test(sort), `UID SORT (REVERSE ARRIVAL): ${(sort.match(/^\* SORT ([\d ]*)/m)?.[1] || '').split(' ').filter(Boolean).length} uids`);
    const line = thr.match(/^\* THREAD (.*)\r\n/m)?.[1] || '';
    // biggest thread = the longest parenthesised group containing nested uids
    const threads = []; let depth = 0, cur = '';
    for (const ch of line) { if (ch === '(') { if (depth++ === 0) cur = ''; } if (depth > 0) cur += ch; if (ch === ')' && --depth === 0) threads.push(cur); }
    const biggest = Math.max(0, ...threads.map((t) => (t.match(/\d+/g) || []).length));
    ok(/^e OK/m.test(thr), `UID THREAD REFERENCES: ${threads.length} threads, largest has ${biggest} messages`);
    const offsite = (offs.match(/^\* SEARCH ([\d ]*)/m)?.[1] || '').split(' ').filter(Boolean);
    if (offsite.length === 4) {
      const t = threads.find((x) => offsite.every((u) => new RegExp(`\\b${u}\\b`).test(x)));
      ok(Boolean(t), `THREAD REFERENCES puts the 4 "Offsite planning" messages (uids ${offsite.join(',')}) in one thread: ${t}`);
    }
  }

  // --- IMAPS (self-signed cert)
  {
    const c = imap('alice', { port: cfg.imapsPort, secure: true, tls: { rejectUnauthorized: false } });
    await c.connect();
    ok(c.authenticated && c.secureConnection, `IMAPS ${cfg.imapsPort} login (TLS, self-signed: rejectUnauthorized=false)`);
    await c.logout();
  }

  // --- submission alice -> bob, delivered through Postfix -> Dovecot LMTP
  const bob = imap('bob');
  await bob.connect();
  let ts = Date.now();
  const info = await smtp('alice').sendMail({ from: U.alice.user, to: U.bob.user, subject: `hello ${tag}`, text: 'hi bob, this is the lab smoke check' });
  log('SMTP submission:', info.response);
  const bobUids = await waitFor(bob, 'INBOX', { subject: `hello ${tag}` });
  ok(bobUids.length === 1, `alice -> bob delivered to bob's INBOX in ${Date.now() - ts} ms`);

  // --- external recipient ends up in sink (nothing leaves the machine)
  const sink = imap('sink');
  await sink.connect();
  ts = Date.now();
  await smtp('alice').sendMail({ from: U.alice.user, to: 'someone@gmail.com', subject: `external ${tag}`, text: 'must not leave the machine' });
  const sinkUids = await waitFor(sink, 'INBOX', { subject: `external ${tag}` });
  let deliveredTo = '';
  if (sinkUids.length) {
    const lock = await sink.getMailboxLock('INBOX');
    try { deliveredTo = (await sink.fetchOne(sinkUids[0], { headers: ['delivered-to'] }, { uid: true })).headers.toString().trim(); } finally { lock.release(); }
  }
  ok(sinkUids.length === 1 && /sink\+someone=gmail\.com@example\.test/.test(deliveredTo), `someone@gmail.com captured in sink's INBOX in ${Date.now() - ts} ms (${deliveredTo})`);

  // --- ManageSieve
  {
    const s = raw(cfg.sievePort);
    await s.until(/^OK.*\r\n/m);
    s.send(`AUTHENTICATE "PLAIN" "${Buffer.from(`\0${U.bob.user}\0${U.bob.pass}`).toString('base64')}"`);
    const a = await s.until(/^(OK|NO|BYE).*\r\n/m);
    s.send('LISTSCRIPTS'); const ls = await s.until(/^(OK|NO|BYE).*\r\n/m);
    s.send('LOGOUT'); s.end();
    ok(/^OK/m.test(a) && /^OK/m.test(ls), `ManageSieve ${cfg.sievePort} AUTHENTICATE PLAIN + LISTSCRIPTS`);
  }

  // --- POP3
  {
    const p = raw(cfg.pop3Port);
    await p.until(/^\+OK.*\r\n/m);
    p.send(`USER ${U.bob.user}`); await p.until(/\r\n$/);
    p.send(`PASS ${U.bob.pass}`); const a = await p.until(/\r\n$/);
    p.send('STAT'); const stat = await p.until(/\r\n$/);
    p.send('QUIT'); p.end();
    ok(/^\+OK/.test(a) && /^\+OK \d+ \d+/.test(stat), `POP3 ${cfg.pop3Port} USER/PASS + STAT -> ${stat.trim()}`);
  }

  // --- clean up what we sent
  await removeUids(bob, 'INBOX', bobUids);
  await removeUids(sink, 'INBOX', sinkUids);
  await bob.logout(); await sink.logout(); await alice.logout();
}

try {
  await main();
} catch (e) {
  failed++;
  log('FAIL', e.stack || e.message);
  if (/ECONNREFUSED/.test(String(e))) log('is the lab up?  bash mail-lab/lab up');
}
log(failed ? `${failed} check(s) FAILED` : 'ALL OK');
process.exit(failed ? 1 : 0);
