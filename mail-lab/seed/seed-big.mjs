// Bulk-load N synthetic messages straight into a user's Maildir (the fastest path; Dovecot picks the
// files up and indexes them lazily). Run through `bash mail-lab/lab seed-big ...`, which empties the
// mailbox first and runs `doveadm quota recalc` afterwards (maildirsize is stale otherwise).
//   LAB_DIR=... node mail-lab/seed/seed-big.mjs <user@domain> <N> [mailbox=INBOX]
// Must run as root (drops to the vmail uid/gid) or as vmail. Deterministic content (fixed PRNG seed);
// dates are spread over the year before now, ~70% \Seen, ~5% \Flagged.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { labConfig } from './lab-config.mjs';

const [user, countArg, mailbox = 'INBOX'] = process.argv.slice(2);
if (!user || !countArg) { console.error('usage: node seed-big.mjs user@domain N [mailbox]'); process.exit(2); }
const N = parseInt(countArg, 10);
const { labDir } = labConfig();
const [local, domain] = user.toLowerCase().split('@');
const mailRoot = path.join(labDir, 'mail');
const home = path.join(mailRoot, domain, local);
// Maildir++: INBOX = Maildir/, other folders = Maildir/.<name> ('/' separator maps to '.')
const isInbox = mailbox.toUpperCase() === 'INBOX';
const md = isInbox ? path.join(home, 'Maildir') : path.join(home, 'Maildir', '.' + mailbox.replace(/\//g, '.'));

if (process.getuid() === 0) {
  const uid = +execFileSync('id', ['-u', 'vmail']).toString(), gid = +execFileSync('id', ['-g', 'vmail']).toString();
  fs.mkdirSync(md, { recursive: true });
  for (let p = md; p.startsWith(mailRoot + path.sep); p = path.dirname(p)) fs.chownSync(p, uid, gid);
  process.setgid(gid); process.setuid(uid);
}
for (const d of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(md, d), { recursive: true, mode: 0o700 });
if (!isInbox) {
  if (!fs.existsSync(path.join(md, 'maildirfolder'))) fs.writeFileSync(path.join(md, 'maildirfolder'), '');
  // subscribe it, so clients list it
  const subs = path.join(home, 'Maildir', 'subscriptions');
  const cur = fs.existsSync(subs) ? fs.readFileSync(subs, 'utf8') : '';
  if (!cur.split('\n').includes(mailbox)) fs.writeFileSync(subs, cur + (cur && !cur.endsWith('\n') ? '\n' : '') + mailbox + '\n');
}

const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Linus Torvalds', 'Margaret Hamilton', 'Ken Thompson', 'Barbara Liskov', 'Dennis Ritchie'];
const words = ('lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore ' +
  'magna aliqua quarterly report invoice meeting schedule update release notes budget review deploy backup').split(' ');
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const sentence = (n) => Array.from({ length: n }, () => pick(words)).join(' ');

const t0 = Date.now(), now = Math.floor(t0 / 1000), pid = process.pid;
// oldest first, so UID order follows date order like a real mailbox
const span = 365 * 86400, step = span / Math.max(N, 1);
for (let i = 0; i < N; i++) {
  const name = pick(names), addr = name.toLowerCase().replace(' ', '.') + '@senders.example';
  const ts = Math.floor(now - span + i * step + rnd() * step);
  const date = new Date(ts * 1000).toUTCString().replace('GMT', '+0000');
  const subj = `${sentence(3 + Math.floor(rnd() * 5))} #${i + 1}`;
  const body = Array.from({ length: 3 + Math.floor(rnd() * 10) }, () => sentence(12)).join('\r\n') + '\r\n';
  const msg = `Return-Path: <${addr}>\r\nFrom: ${name} <${addr}>\r\nTo: <${user}>\r\nSubject: ${subj}\r\nDate: ${date}\r\n` +
    `Message-ID: <big-${i + 1}@senders.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`;
  const buf = Buffer.from(msg);
  const seen = rnd() < 0.7, flagged = rnd() < 0.05;
  // ,S=<size> lets Dovecot/quota skip stat(); ':2,<flags>' in cur/ sets the flags (F=flagged, S=seen);
  // the zero-padded counter keeps readdir/UID order = date order
  const fn = `${ts}.M${String(i).padStart(7, '0')}P${pid}.lab,S=${buf.length}:2,${flagged ? 'F' : ''}${seen ? 'S' : ''}`;
  const fp = path.join(md, 'cur', fn);
  fs.writeFileSync(fp, buf);
  fs.utimesSync(fp, ts, ts); // mtime = INTERNALDATE for maildir
  if ((i + 1) % 25000 === 0) process.stdout.write(`  ${i + 1} msgs, ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
}
console.log(`wrote ${N} messages to ${md} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
