// Self-test of the demo corpus (no server needed):  node mail-lab/seed/verify-corpus.mjs
// - deterministic bytes for a fixed `now`, strictly increasing dates, ~200 messages
// - every message parses (mailparser) to the expected subject / text / attachments
// - the charset cases really carry bytes in their charset: the raw body is decoded with the
//   system `iconv` (glibc, independent of iconv-lite) and must contain the expected sentence.
import { execFileSync } from 'node:child_process';
import { simpleParser } from 'mailparser';
import {
  buildCorpus, SUBJECTS, TEXTS, CORPUS_FILES, CHARSET_CASES, CORPUS_SIZE, REMOTE_IMAGE_URL, DECEPTIVE_LINK,
  THREAD_MESSAGE_IDS, NEWSLETTER_CID, DATASET_SIZE,
} from './corpus.mjs';

let failures = 0;
const ok = (cond, msg) => { console.log(`${cond ? 'OK  ' : 'FAIL'} ${msg}`); if (!cond) failures++; };

const now = new Date('2026-11-23T12:00:00Z');
const a = buildCorpus({ now }), b = buildCorpus({ now });
ok(a.length === CORPUS_SIZE, `corpus has ${a.length} messages`);
ok(a.every((m, i) => m.raw.equals(b[i].raw) && m.flags.join() === b[i].flags.join()), 'deterministic bytes and flags for a fixed now');
ok(a.every((m, i) => !i || a[i - 1].internalDate < m.internalDate), 'internal dates strictly increasing (oldest first)');
ok(new Set(a.map((m) => m.key)).size === a.length, 'keys unique');
const byKey = Object.fromEntries(a.map((m) => [m.key, m]));

const parsed = {};
for (const m of a) parsed[m.key] = await simpleParser(m.raw, { skipImageLinks: true });
const expectSubject = { ...SUBJECTS, thread1: SUBJECTS.thread, thread2: SUBJECTS.threadReply, thread3: SUBJECTS.threadReply, thread4: SUBJECTS.threadReply };
for (const k of Object.keys(expectSubject).filter((k) => byKey[k])) {
  ok(parsed[k].subject === expectSubject[k], `${k}: subject "${parsed[k].subject}"`);
}
const textHas = (k, s) => ok((parsed[k].text || '').includes(s), `${k}: text contains "${s.slice(0, 40)}"`);
for (const k of ['plain', 'newsletter', 'pdf', 'png', 'zip', 'latin1', 'windows874', 'windows874Quote', 'tis620', 'utf8B', 'utf8Q', 'latin1Q', 'iso2022jp', 'phishing', 'large']) {
  textHas(k === 'windows874Quote' ? 'windows874' : k, TEXTS[k]);
}
textHas('alternative', TEXTS.alternativeText);
ok(parsed.alternative.html.includes(TEXTS.alternativeHtml), 'alternative: html part');
ok(parsed.newsletter.html.includes(`<p>${TEXTS.newsletter}</p>`) && parsed.newsletter.html.includes(REMOTE_IMAGE_URL), 'newsletter: html with the sentence and the remote image');
ok(parsed.phishing.html.includes(DECEPTIVE_LINK.html), 'phishing: deceptive link in html');
TEXTS.thread.forEach((t, i) => textHas(`thread${i + 1}`, t));
ok(parsed.thread4.inReplyTo === THREAD_MESSAGE_IDS[2] && parsed.thread4.references.join(' ') === THREAD_MESSAGE_IDS.slice(0, 3).join(' '), 'thread4: In-Reply-To/References');
ok(parsed.thread1.messageId === THREAD_MESSAGE_IDS[0] && !parsed.thread1.inReplyTo, 'thread1: root');

const att = (k, f) => {
  const found = parsed[k].attachments.find((x) => x.filename === f.name);
  ok(found && found.contentType === f.contentType && found.content.equals(f.bytes()), `${k}: attachment ${f.name} (${f.contentType}, ${f.bytes().length} bytes) byte-identical`);
  return found;
};
att('pdf', CORPUS_FILES.pdf); att('png', CORPUS_FILES.png); att('zip', CORPUS_FILES.zip);
att('large', CORPUS_FILES.dataset);
ok(CORPUS_FILES.dataset.bytes().length === DATASET_SIZE, `dataset.bin is ${DATASET_SIZE} bytes`);
const logo = att('newsletter', CORPUS_FILES.newsletterLogo);
ok(logo && logo.cid === NEWSLETTER_CID, 'newsletter: inline image has Content-ID');

// file magic
ok(CORPUS_FILES.pdf.bytes().subarray(0, 5).toString() === '%PDF-', 'report.pdf magic');
ok(CORPUS_FILES.png.bytes().readUInt32BE(0) === 0x89504e47, 'team-photo.png magic');
ok(CORPUS_FILES.zip.bytes().readUInt32LE(0) === 0x04034b50, 'project-files.zip magic');

// charsets, independently of iconv-lite: raw body bytes -> glibc iconv -> UTF-8
function rawBody(raw) {
  const i = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, i).toString('latin1');
  let body = raw.subarray(i + 4);
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    body = Buffer.from(body.toString('latin1').replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  }
  return { head, body };
}
const GLIBC = { 'windows-874': 'CP874', 'tis-620': 'TIS-620', 'iso-8859-1': 'ISO-8859-1', 'iso-2022-jp': 'ISO-2022-JP', 'utf-8': 'UTF-8' };
const glibcName = (cs) => GLIBC[cs.toLowerCase()];
const iconvCli = (buf, cs) => execFileSync('iconv', ['-f', glibcName(cs), '-t', 'UTF-8'], { input: buf }).toString('utf8');
for (const [k, { header: [hcs, henc], body: [bcs, cte] }] of Object.entries(CHARSET_CASES)) {
  const { head, body } = rawBody(byKey[k].raw);
  ok(new RegExp(`^Content-Type: text/plain; charset=${bcs}\\r?$`, 'mi').test(head) && new RegExp(`Content-Transfer-Encoding: ${cte}`, 'i').test(head), `${k}: Content-Type charset=${bcs}, CTE ${cte}`);
  ok(head.includes(`Subject: =?${hcs}?${henc}?`), `${k}: Subject is an RFC 2047 ${hcs} ${henc} encoded word`);
  const decoded = iconvCli(body, bcs);
  ok(decoded.includes(TEXTS[k]), `${k}: body decoded by system iconv -f ${glibcName(bcs)} contains "${TEXTS[k].slice(0, 30)}"`);
  if (bcs !== 'utf-8') ok(!body.toString('utf8').includes(TEXTS[k]), `${k}: body is not UTF-8`);
  // the subject's encoded word, decoded by iconv as well
  const m = head.match(new RegExp(`^Subject: ((?:=\\?[^?]+\\?[BQ]\\?[^?]*\\?=(?:\\r\\n )?)+)`, 'm'));
  const words = [...m[1].matchAll(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/g)];
  const subj = words.map(([, cs, e, t]) => iconvCli(e === 'B' ? Buffer.from(t, 'base64')
    : Buffer.from(t.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1'), cs)).join('');
  ok(subj === SUBJECTS[k], `${k}: subject decoded by system iconv = "${subj}"`);
}
ok(iconvCli(rawBody(byKey.windows874.raw).body, 'windows-874').includes(TEXTS.windows874Quote), 'windows874: “…” decoded by system iconv -f CP874');
ok(byKey.windows874.raw.includes(Buffer.from([0x93])) && byKey.windows874.raw.includes(Buffer.from([0x85])), 'windows874: contains windows-874-only bytes (0x93 “, 0x85 …)');

const seen = a.filter((m) => m.flags.includes('\\Seen')).length, flagged = a.filter((m) => m.flags.includes('\\Flagged')).length;
console.log(`flags: ${seen}/${a.length} \\Seen, ${flagged} \\Flagged; ${(a.reduce((s, m) => s + m.raw.length, 0) / 1e6).toFixed(1)} MB`);
console.log(failures ? `${failures} FAILURES` : 'corpus OK');
process.exit(failures ? 1 : 0);
