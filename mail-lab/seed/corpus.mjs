// Demo corpus for alice@example.test's INBOX (the Postern mail lab). Deterministic: the same
// subjects, bodies, flags and MIME bytes every time; only the dates move with `now` (pass a fixed
// `now` to get identical bytes). Imported by the seed script and by tests:
//   import { buildCorpus, SUBJECTS, TEXTS, CORPUS_FILES, datasetBytes } from '../mail-lab/seed/corpus.mjs'
// Messages are returned oldest first; appending them in order gives the newest, interesting ones
// the highest UIDs, so they show on the first page of a newest-first list.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { leaf, multipart, message, encodeWords, mailbox, rfc5322Date } from './mime.mjs';

const FILES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');

export const SEED_USER = 'alice@example.test';
export const SEED_MAILBOX = 'INBOX';

/** Subjects (decoded) of the interesting messages, by key. */
export const SUBJECTS = Object.freeze({
  plain: 'Lunch on Thursday?',
  newsletter: 'Newsletter: November highlights',
  alternative: 'Build #1482 passed on main',
  pdf: 'Quarterly report (PDF attached)',
  png: 'Team photo',
  zip: 'Project archive',
  latin1: 'Café menu for Friday',
  windows874: 'ประชุมทีมประจำสัปดาห์',
  tis620: 'รายงานยอดขาย',
  utf8B: 'Grüße aus München 🍺 Treffen am Freitag',
  utf8Q: 'Résumé: Ελληνικά & 日本語 workshop',
  latin1Q: 'Reunião de amanhã às 10h',
  iso2022jp: '会議の議事録',
  thread: 'Offsite planning',
  threadReply: 'Re: Offsite planning',
  phishing: 'Your account is on hold',
  large: 'Large dataset (10 MB)',
});

/** Sentences that appear verbatim (after decoding) in the bodies, by key. */
export const TEXTS = Object.freeze({
  plain: 'Are you free for lunch on Thursday?',
  newsletter: 'Our November highlights are here.',
  alternativeText: 'All 412 tests passed on main.',
  alternativeHtml: 'All <b>412</b> tests passed on <code>main</code>.',
  pdf: 'Please find the Q3 report attached.',
  png: 'Here is the photo from our team day.',
  zip: 'The project files are in the attached archive.',
  latin1: "Au menu : « crème brûlée », pâté à l'ancienne, Müsli und Weißwurst.",
  windows874: 'สวัสดีครับ ทุกคน',
  // “ ” … exist in windows-874 (0x93 0x94 0x85) but not in TIS-620: a TIS-620 decoder garbles them
  windows874Quote: '“วาระการประชุม” …',
  tis620: 'ยอดขายรวมเดือนนี้ 1,250,000 บาท',
  utf8B: 'Wir treffen uns am Freitag um 18 Uhr im Biergarten. Prost! 🍺',
  utf8Q: 'Καλημέρα! 日本語のセッションは午後です。',
  latin1Q: 'A reunião de amanhã começa às 10h na sala de conferência.',
  iso2022jp: '本日の会議の議事録をお送りします。',
  thread: [
    'Shall we do the offsite in Lisbon this year?',
    'Lisbon works for me, but March is better than February.',
    'March is fine. I can look at venues near the river.',
    'Great, let us book the second week of March then.',
  ],
  phishing: 'Your account has been placed on hold.',
  large: 'The dataset is attached (10 MiB of deterministic bytes).',
});

/** The remote image in the newsletter (host does not resolve; a browser must never request it). */
export const REMOTE_IMAGE_URL = 'http://images.tracker.example/pixel.png?u=alice';
/** The deceptive link in the phishing message: visible text != real target. */
export const DECEPTIVE_LINK = Object.freeze({
  href: 'http://login.example-secure.test/verify',
  text: 'https://www.examplebank.test/login',
  html: '<a href="http://login.example-secure.test/verify">https://www.examplebank.test/login</a>',
});
export const NEWSLETTER_CID = 'logo@newsletter.example';

/** Message-IDs of the 4-message reply thread, oldest first. */
export const THREAD_MESSAGE_IDS = Object.freeze([1, 2, 3, 4].map((i) => `<offsite-${i}@example.test>`));

/** How each charset case is encoded (header encoded-word charset/encoding, body charset/CTE). */
export const CHARSET_CASES = Object.freeze({
  latin1: { header: ['ISO-8859-1', 'Q'], body: ['ISO-8859-1', '8bit'] },
  windows874: { header: ['windows-874', 'B'], body: ['windows-874', '8bit'] },
  tis620: { header: ['TIS-620', 'B'], body: ['TIS-620', 'quoted-printable'] },
  utf8B: { header: ['UTF-8', 'B'], body: ['utf-8', '8bit'] },
  utf8Q: { header: ['UTF-8', 'Q'], body: ['utf-8', 'quoted-printable'] },
  latin1Q: { header: ['ISO-8859-1', 'Q'], body: ['ISO-8859-1', 'quoted-printable'] },
  iso2022jp: { header: ['ISO-2022-JP', 'B'], body: ['ISO-2022-JP', '7bit'] },
});

// ---- deterministic dataset (10 MiB) -----------------------------------------------------------
export const DATASET_SIZE = 10 * 1024 * 1024;
export const DATASET_SEED = 0x20261123;
let datasetCache = null;
/** The exact bytes of dataset.bin: xorshift32 stream from DATASET_SEED, little-endian words. */
export function datasetBytes() {
  if (datasetCache) return datasetCache;
  const buf = Buffer.allocUnsafe(DATASET_SIZE);
  let x = DATASET_SEED >>> 0;
  for (let i = 0; i < DATASET_SIZE; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    buf.writeUInt32LE(x, i);
  }
  datasetCache = buf;
  return buf;
}

const fileBytes = (name) => () => fs.readFileSync(path.join(FILES_DIR, name));
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
function fixture(key, name, contentType, subject, extra = {}) {
  const p = extra.bytes ? null : path.join(FILES_DIR, name);
  const bytes = extra.bytes || fileBytes(name);
  return Object.freeze({ key, name, contentType, subject, path: p, bytes, sha256: () => sha256(bytes()), ...extra });
}
/**
 * Attachment fixtures, by key. Each: { key, name, contentType, subject (of the message carrying it),
 * path (absolute, or null when generated), bytes(): Buffer (exact bytes), sha256(): hex, [size], [cid] }.
 */
export const CORPUS_FILES = Object.freeze({
  pdf: fixture('pdf', 'report.pdf', 'application/pdf', SUBJECTS.pdf),
  png: fixture('png', 'team-photo.png', 'image/png', SUBJECTS.png),
  zip: fixture('zip', 'project-files.zip', 'application/zip', SUBJECTS.zip),
  dataset: fixture('dataset', 'dataset.bin', 'application/octet-stream', SUBJECTS.large, { bytes: datasetBytes, size: DATASET_SIZE }),
  newsletterLogo: fixture('newsletterLogo', 'newsletter-logo.png', 'image/png', SUBJECTS.newsletter, { cid: NEWSLETTER_CID, inline: true }),
});

// ---- people -----------------------------------------------------------------------------------
const ALICE = ['Alice Example', 'alice@example.test'];
const P = {
  bob: { name: 'Bob Martin', addr: 'bob@example.test', tz: 60 },
  carol: { name: 'Carol Nguyen', addr: 'carol@example.test', tz: -300 },
  dave: { name: 'Dave Okafor', addr: 'dave@example.test', tz: 0 },
  github: { name: 'GitHub', addr: 'notifications@github.example', tz: 0 },
  billing: { name: 'Acme Hosting Billing', addr: 'billing@acme-hosting.example', tz: -480 },
  priya: { name: 'Priya Raman', addr: 'priya.raman@partner.example', tz: 330 },
  tomas: { name: 'Tomás García', addr: 'tomas@partner.example', tz: 60 },
  hr: { name: 'People Team', addr: 'people@example.test', tz: 60 },
  calendar: { name: 'Calendar', addr: 'calendar@example.test', tz: 60 },
  shop: { name: 'Shop Orders', addr: 'orders@shop.example', tz: -300 },
};

function headers({ from, fromHeader, to = [ALICE], cc, subject, subjectHeader, date, tz = 0, messageId, inReplyTo, references, extra = [] }) {
  const h = [
    ['Return-Path', `<${from.addr}>`],
    ['From', fromHeader || mailbox(from.name, from.addr)],
    ['To', to.map(([n, a]) => mailbox(n, a)).join(', ')],
  ];
  if (cc) h.push(['Cc', cc.map(([n, a]) => mailbox(n, a)).join(', ')]);
  h.push(['Subject', subjectHeader || encodeSubject(subject)]);
  h.push(['Date', rfc5322Date(date, tz)]);
  h.push(['Message-ID', messageId]);
  if (inReplyTo) h.push(['In-Reply-To', inReplyTo]);
  if (references) h.push(['References', references.join(`\r\n `)]);
  return [...h, ...extra];
}
const encodeSubject = (s) => (/^[\x20-\x7e]*$/.test(s) ? s : encodeWords(s, 'UTF-8', 'B'));
const text = (body, charset = 'utf-8', cte) => leaf({ type: 'text/plain', charset, cte: cte || (/^[\x00-\x7f]*$/.test(body) ? '7bit' : '8bit'), body });
const html = (body, charset = 'utf-8', cte = 'quoted-printable') => leaf({ type: 'text/html', charset, cte, body });
const attachment = (f, disposition = 'attachment') => leaf({
  type: f.contentType, cte: 'base64', body: f.bytes(), params: `; name="${f.name}"`,
  headers: [['Content-Disposition', `${disposition}; filename="${f.name}"`], ...(f.cid ? [['Content-ID', `<${f.cid}>`]] : [])],
});

// ---- the interesting messages -------------------------------------------------------------------
// [key, hours before `now`, flags, build(date) -> raw]
const SPECIAL = [
  ['thread1', 50, ['\\Seen'], (date) => message(headers({
    from: P.bob, to: [ALICE], cc: [[P.carol.name, P.carol.addr], [P.dave.name, P.dave.addr]], subject: SUBJECTS.thread,
    date, tz: P.bob.tz, messageId: THREAD_MESSAGE_IDS[0],
  }), text(`Hi all,\n\n${TEXTS.thread[0]} Flights are cheap in spring and the team loved it last time.\n\nBob\n`))],

  ['latin1', 46, ['\\Seen'], (date) => message(headers({
    from: { addr: 'etienne@bistro.example' }, fromHeader: mailbox('Chef Étienne', 'etienne@bistro.example', 'ISO-8859-1', 'Q'),
    subject: SUBJECTS.latin1, subjectHeader: encodeWords(SUBJECTS.latin1, 'ISO-8859-1', 'Q'), date, tz: 60, messageId: '<cafe-menu@bistro.example>',
  }), text(`Bonjour à tous !\n\n${TEXTS.latin1}\nDessert : tarte aux pommes, crêpes et glace à la vanille.\nPrix : 14,50 EUR le menu complet.\n\nÀ vendredi,\nÉtienne\n`, 'ISO-8859-1', '8bit'))],

  ['tis620', 40, ['\\Seen'], (date) => message(headers({
    from: { addr: 'sales@company.example' }, fromHeader: mailbox('ฝ่ายขาย', 'sales@company.example', 'TIS-620', 'B'),
    subject: SUBJECTS.tis620, subjectHeader: encodeWords(SUBJECTS.tis620, 'TIS-620', 'B'), date, tz: 420, messageId: '<sales-report@company.example>',
  }), text(`เรียน ผู้จัดการ\n\nรายงานยอดขายประจำเดือนพฤศจิกายน\n${TEXTS.tis620} เพิ่มขึ้น 12% จากเดือนที่แล้ว\nสินค้าขายดี: กาแฟ ชาเขียว และขนมปัง\n\nขอแสดงความนับถือ\nฝ่ายขาย\n`, 'TIS-620', 'quoted-printable'))],

  ['thread2', 36, ['\\Seen'], (date) => message(headers({
    from: P.carol, to: [[P.bob.name, P.bob.addr], ALICE], cc: [[P.dave.name, P.dave.addr]], subject: SUBJECTS.threadReply,
    date, tz: P.carol.tz, messageId: THREAD_MESSAGE_IDS[1], inReplyTo: THREAD_MESSAGE_IDS[0], references: THREAD_MESSAGE_IDS.slice(0, 1),
  }), text(`${TEXTS.thread[1]}\n\nCarol\n\nOn Mon, Bob Martin wrote:\n> ${TEXTS.thread[0]}\n`))],

  ['utf8Q', 30, ['\\Seen'], (date) => message(headers({
    from: P.priya, subject: SUBJECTS.utf8Q, subjectHeader: encodeWords(SUBJECTS.utf8Q, 'UTF-8', 'Q'), date, tz: P.priya.tz,
    messageId: '<workshop-resume@partner.example>',
  }), text(`Hi Alice,\n\n${TEXTS.utf8Q}\nThe résumé of the workshop: naïve Bayes, café-style breakout rooms, and a Q&A.\n\nPriya\n`, 'utf-8', 'quoted-printable'))],

  ['alternative', 28, ['\\Seen'], (date) => message(headers({
    from: { name: 'CI Bot', addr: 'ci@builds.example' }, subject: SUBJECTS.alternative, date, messageId: '<build-1482@builds.example>',
  }), multipart('alternative', '=_alt_build_1482', [
    text(`Build #1482 passed\n\n${TEXTS.alternativeText}\nCommit: 3f2a9c1 "Speed up the message list"\nDuration: 4m 12s\n`),
    html(`<!DOCTYPE html>\n<html><body style="font-family:sans-serif">\n<h2 style="color:#2a7d2a">Build #1482 passed</h2>\n<p>${TEXTS.alternativeHtml}</p>\n<table border="1" cellpadding="4"><tr><th>Commit</th><td>3f2a9c1</td></tr><tr><th>Duration</th><td>4m 12s</td></tr></table>\n</body></html>\n`),
  ]))],

  ['zip', 26, [], (date) => message(headers({ from: P.bob, subject: SUBJECTS.zip, date, tz: P.bob.tz, messageId: '<project-archive@example.test>' }),
    multipart('mixed', '=_mixed_zip', [text(`Hi Alice,\n\n${TEXTS.zip}\n\nBob\n`), attachment(CORPUS_FILES.zip)]))],

  ['iso2022jp', 22, ['\\Seen'], (date) => message(headers({
    from: { addr: 'tanaka@partner.example' }, fromHeader: mailbox('田中', 'tanaka@partner.example', 'ISO-2022-JP', 'B'),
    subject: SUBJECTS.iso2022jp, subjectHeader: encodeWords(SUBJECTS.iso2022jp, 'ISO-2022-JP', 'B'), date, tz: 540, messageId: '<minutes@partner.example>',
  }), text(`アリスさん\n\nお疲れ様です。田中です。\n${TEXTS.iso2022jp}\nよろしくお願いします。\n`, 'ISO-2022-JP', '7bit'))],

  ['thread3', 20, ['\\Seen'], (date) => message(headers({
    from: P.dave, to: [[P.carol.name, P.carol.addr], [P.bob.name, P.bob.addr], ALICE], subject: SUBJECTS.threadReply,
    date, tz: P.dave.tz, messageId: THREAD_MESSAGE_IDS[2], inReplyTo: THREAD_MESSAGE_IDS[1], references: THREAD_MESSAGE_IDS.slice(0, 2),
  }), text(`${TEXTS.thread[2]}\n\nDave\n\n> ${TEXTS.thread[1]}\n`))],

  ['pdf', 18, ['\\Flagged'], (date) => message(headers({ from: P.carol, subject: SUBJECTS.pdf, date, tz: P.carol.tz, messageId: '<q3-report@example.test>' }),
    multipart('mixed', '=_mixed_pdf', [text(`Hi Alice,\n\n${TEXTS.pdf} Numbers are final.\n\nCarol\n`), attachment(CORPUS_FILES.pdf)]))],

  ['latin1Q', 15, [], (date) => message(headers({
    from: { addr: 'joao@partner.example' }, fromHeader: mailbox('João Conceição', 'joao@partner.example', 'ISO-8859-1', 'Q'),
    subject: SUBJECTS.latin1Q, subjectHeader: encodeWords(SUBJECTS.latin1Q, 'ISO-8859-1', 'Q'), date, tz: 0, messageId: '<reuniao@partner.example>',
  }), text(`Olá Alice,\n\n${TEXTS.latin1Q}\nAté amanhã!\n\nJoão\n`, 'ISO-8859-1', 'quoted-printable'))],

  ['png', 12, ['\\Seen'], (date) => message(headers({ from: P.dave, subject: SUBJECTS.png, date, tz: P.dave.tz, messageId: '<team-photo@example.test>' }),
    multipart('mixed', '=_mixed_png', [text(`${TEXTS.png}\n\nDave\n`), attachment(CORPUS_FILES.png)]))],

  ['large', 10, ['\\Seen', '\\Flagged'], (date) => message(headers({ from: P.carol, subject: SUBJECTS.large, date, tz: P.carol.tz, messageId: '<large-dataset@example.test>' }),
    multipart('mixed', '=_mixed_large', [text(`Hi Alice,\n\n${TEXTS.large}\n\nCarol\n`), attachment(CORPUS_FILES.dataset)]))],

  ['utf8B', 8, [], (date) => message(headers({
    from: { addr: 'juergen@partner.example' }, fromHeader: mailbox('Jürgen Weiß', 'juergen@partner.example', 'UTF-8', 'Q'),
    subject: SUBJECTS.utf8B, subjectHeader: encodeWords(SUBJECTS.utf8B, 'UTF-8', 'B'), date, tz: 60, messageId: '<biergarten@partner.example>',
  }), text(`Hallo Alice,\n\n${TEXTS.utf8B}\n\nViele Grüße\nJürgen\n`, 'utf-8', '8bit'))],

  ['thread4', 6, ['\\Flagged'], (date) => message(headers({
    from: P.bob, to: [[P.dave.name, P.dave.addr], ALICE], cc: [[P.carol.name, P.carol.addr]], subject: SUBJECTS.threadReply,
    date, tz: P.bob.tz, messageId: THREAD_MESSAGE_IDS[3], inReplyTo: THREAD_MESSAGE_IDS[2], references: THREAD_MESSAGE_IDS.slice(0, 3),
  }), text(`${TEXTS.thread[3]} Alice, can you send the calendar invite?\n\nBob\n\n> ${TEXTS.thread[2]}\n`))],

  ['windows874', 5, [], (date) => message(headers({
    from: { addr: 'somchai@company.example' }, fromHeader: mailbox('สมชาย ใจดี', 'somchai@company.example', 'windows-874', 'B'),
    subject: SUBJECTS.windows874, subjectHeader: encodeWords(SUBJECTS.windows874, 'windows-874', 'B'), date, tz: 420, messageId: '<weekly-meeting@company.example>',
  }), text(`${TEXTS.windows874}\n\nขอเชิญประชุมทีมประจำสัปดาห์ วันศุกร์ เวลา 10:00 น. ที่ห้องประชุมใหญ่\n${TEXTS.windows874Quote} สรุปงานและแผนสัปดาห์หน้า\n\nขอบคุณครับ\nสมชาย\n`, 'windows-874', '8bit'))],

  ['phishing', 3, [], (date) => message(headers({
    from: { name: 'Example Bank Security', addr: 'security@examplebank-alerts.test' }, subject: SUBJECTS.phishing, date, tz: -300,
    messageId: '<hold-8812@examplebank-alerts.test>',
  }), multipart('alternative', '=_alt_phish', [
    text(`Dear customer,\n\n${TEXTS.phishing} To restore access, sign in within 24 hours:\n${DECEPTIVE_LINK.href}\n\nExample Bank Security Team\n`),
    html(`<html><body>\n<p>Dear customer,</p>\n<p>${TEXTS.phishing} To restore access, sign in within 24 hours:</p>\n<p>${DECEPTIVE_LINK.html}</p>\n<p>Example Bank Security Team</p>\n</body></html>\n`),
  ]))],

  ['plain', 1.5, ['\\Seen'], (date) => message(headers({ from: P.bob, subject: SUBJECTS.plain, date, tz: P.bob.tz, messageId: '<lunch-thursday@example.test>' }),
    text(`Hi Alice,\n\n${TEXTS.plain} The new ramen place on Market Street opens at noon.\n\nMenu: https://ramen.example/menu\n\nBob\n`))],

  ['newsletter', 0.25, [], (date) => message(headers({
    from: { name: 'Postern Weekly', addr: 'news@newsletter.example' }, subject: SUBJECTS.newsletter, date, tz: 0,
    messageId: '<november-2026@newsletter.example>',
    extra: [['List-Unsubscribe', '<https://newsletter.example/unsubscribe?u=alice>'], ['List-Id', 'Postern Weekly <weekly.newsletter.example>']],
  }), multipart('related', '=_related_news', [
    multipart('alternative', '=_alt_news', [
      text(`${TEXTS.newsletter}\n\n- Faster search across large mailboxes\n- One-time read links for sensitive mail\n- Per-user spam training\n\nRead the full story: https://newsletter.example/read/november\n`),
      html(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Postern Weekly</title>
<style>body{font-family:Arial,sans-serif;background:#f4f6fb;margin:0}.card{background:#fff;max-width:560px;margin:16px auto;padding:24px;border-radius:8px}h1{color:#1e3c78}</style>
</head><body>
<div class="card">
<p><img src="cid:${NEWSLETTER_CID}" alt="Postern Weekly" width="120" height="40"></p>
<h1>November highlights</h1>
<p>${TEXTS.newsletter}</p>
<ul><li>Faster search across large mailboxes</li><li>One-time read links for sensitive mail</li><li>Per-user spam training</li></ul>
<p><a href="https://newsletter.example/read/november">Read the full story</a></p>
<img src="${REMOTE_IMAGE_URL}" width="1" height="1" alt="">
<p style="font-size:12px;color:#777">You receive this because you subscribed at newsletter.example. <a href="https://newsletter.example/unsubscribe?u=alice">Unsubscribe</a></p>
</div>
</body></html>
`),
    ]),
    attachment(CORPUS_FILES.newsletterLogo, 'inline'),
  ], { params: '; type="multipart/alternative"' }))],
];

/** Keys of the interesting messages, in append order (oldest first). */
export const SPECIAL_KEYS = Object.freeze(SPECIAL.map(([k]) => k));

// ---- filler ---------------------------------------------------------------------------------------
export const FILLER_COUNT = 181;
export const CORPUS_SIZE = FILLER_COUNT + SPECIAL.length; // 200
export const FILLER_SEED = 20261123;

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TOPICS = ['search indexing', 'IMAP pool', 'spam filter', 'one-time links', 'attachment preview', 'mobile layout',
  'Q4 roadmap', 'onboarding', 'database migration', 'rate limiting', 'accessibility audit', 'release 1.4', 'dark mode', 'backup policy'];
const SENTENCES = [
  'I pushed a first version to the staging server this morning.',
  'Let me know if the numbers look off to you.',
  'We still need a decision on the rollout date.',
  'The meeting notes are in the shared folder.',
  'Could you take a look before Friday?',
  'Thanks again for jumping on this so quickly.',
  'I added a few comments inline, nothing blocking.',
  'The customer asked whether we can support this by the end of the month.',
  'Performance looks much better after the last change.',
  'I will be out of office on Monday, so please ping Carol if anything is urgent.',
  'The draft is attached as a link rather than a file this time.',
  'We agreed to revisit this in the next planning session.',
  'Nothing changes for existing users.',
  'The tests pass locally but fail on CI with a timeout.',
  'Happy to pair on it tomorrow afternoon.',
  'Budget is approved for the next quarter.',
  'Please keep this internal for now.',
  'The new design is a lot easier to read on small screens.',
];
const FILLER_SENDERS = [
  ['bob', 'colleague'], ['carol', 'colleague'], ['dave', 'colleague'], ['priya', 'colleague'], ['tomas', 'colleague'],
  ['github', 'github'], ['github', 'github'], ['billing', 'billing'], ['hr', 'hr'], ['calendar', 'calendar'], ['shop', 'shop'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function filler(i, date, rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const [who, kind] = pick(FILLER_SENDERS);
  const from = P[who];
  const topic = pick(TOPICS);
  const n = 1000 + Math.floor(rnd() * 9000);
  const para = (k) => Array.from({ length: k }, () => pick(SENTENCES)).join(' ');
  const first = from.name.split(' ')[0];
  let subject, body, htmlBody = null;
  switch (kind) {
    case 'colleague':
      subject = pick([`Notes from today's standup`, `Quick question about the ${topic}`, `Re: ${topic} timeline`, `Draft: ${topic} proposal`,
        `Can you review the ${topic} doc?`, 'Coffee next week?', `Heads-up: ${topic} deploy tonight`, `FYI: ${topic} metrics`]);
      body = `Hi Alice,\n\n${para(2 + Math.floor(rnd() * 3))}\n\n${para(1 + Math.floor(rnd() * 2))}\n\n${first}\n`;
      break;
    case 'github': {
      const title = pick([`Fix ${topic} regression`, `Add tests for ${topic}`, `Refactor ${topic}`, `Bump dependencies`, `Document ${topic}`]);
      subject = `[postern/postern] ${title} (#${n % 900 + 100})`;
      body = `@bob requested your review on: postern/postern#${n % 900 + 100} ${title}.\n\n${para(2)}\n\n-- \nReply to this email directly or view it on GitHub.\n`;
      htmlBody = `<p><b>@bob</b> requested your review on: <a href="https://github.example/postern/postern/pull/${n % 900 + 100}">postern/postern#${n % 900 + 100}</a> ${title}.</p>\n<p>${para(2)}</p>\n`;
      break;
    }
    case 'billing':
      subject = pick([`Invoice INV-${n} for ${MONTHS[date.getUTCMonth()]}`, 'Payment received, thank you', 'Your plan renews in 7 days']);
      body = `Hello Alice,\n\nAmount: ${(9 + (n % 90)).toFixed(2)} USD\nInvoice: INV-${n}\n\nThank you for being a customer.\nAcme Hosting\n`;
      break;
    case 'hr':
      subject = pick(['Reminder: submit your timesheet', `Holiday calendar ${date.getUTCFullYear() + 1}`, 'Welcome our new colleagues', 'Benefits enrollment closes Friday']);
      body = `Hi everyone,\n\n${para(2)}\n\nThe People Team\n`;
      break;
    case 'calendar':
      subject = pick([`Invitation: ${topic} review @ ${['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][n % 5]} 14:00`, 'Updated invitation: Team sync', `Canceled: ${topic} sync`]);
      body = `${subject}\n\nWhen: 14:00 - 14:30 (CET)\nWhere: Room 2 / video call\nOrganizer: bob@example.test\n`;
      break;
    default:
      subject = pick([`Your order #${n} has shipped`, `Order confirmation #${n}`, 'Rate your recent purchase']);
      body = `Hi Alice,\n\nOrder #${n}: 1 x USB-C cable, 1 x notebook.\nTracking: https://shop.example/track/${n}\n\nShop Orders\n`;
  }
  const seen = rnd() < 0.7, flagged = rnd() < 0.05, answered = kind === 'colleague' && seen && rnd() < 0.15;
  const flags = [...(seen ? ['\\Seen'] : []), ...(flagged ? ['\\Flagged'] : []), ...(answered ? ['\\Answered'] : [])];
  const key = `filler-${String(i + 1).padStart(3, '0')}`;
  const root = htmlBody
    ? multipart('alternative', `=_alt_${key}`, [text(body), html(`<html><body>${htmlBody}</body></html>\n`)])
    : text(body);
  const extra = kind === 'github' ? [['List-Id', 'postern/postern <postern.postern.github.example>']] : [];
  return { key, subject, flags, raw: message(headers({ from, subject, date, tz: from.tz, messageId: `<${key}@lab.example.test>`, extra }), root) };
}

/**
 * Build the corpus, oldest first.
 * @param {{ now?: Date }} [opts] anchor for the dates (default: current time, floored to the minute)
 * @returns {Array<{ key: string, subject: string, raw: Buffer, flags: string[], internalDate: Date }>}
 */
export function buildCorpus({ now } = {}) {
  const anchor = now ? new Date(now) : new Date(Math.floor(Date.now() / 60000) * 60000);
  const rnd = mulberry32(FILLER_SEED);
  const out = [];
  // fillers: from 180 days ago to 3 days ago, strictly increasing
  const start = anchor.getTime() - 180 * 86400e3, end = anchor.getTime() - 3 * 86400e3;
  const step = (end - start) / FILLER_COUNT;
  for (let i = 0; i < FILLER_COUNT; i++) {
    const t = Math.floor((start + i * step + rnd() * step * 0.8) / 1000) * 1000;
    const date = new Date(t);
    const m = filler(i, date, rnd);
    out.push({ ...m, internalDate: date });
  }
  for (const [key, hours, flags, build] of SPECIAL) {
    const date = new Date(anchor.getTime() - Math.round(hours * 3600) * 1000);
    const subject = key.startsWith('thread') ? (key === 'thread1' ? SUBJECTS.thread : SUBJECTS.threadReply) : SUBJECTS[key];
    out.push({ key, subject, raw: build(date), flags: [...flags], internalDate: date });
  }
  return out;
}

/** The messages of buildCorpus() by key (convenience for tests). */
export function corpusByKey(opts) {
  return Object.fromEntries(buildCorpus(opts).map((m) => [m.key, m]));
}

