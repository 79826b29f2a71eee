// Seeds the news lab's postern.test.* groups over NNTP POST (RFC 3977 6.3.1): threads with
// References, a cross-post, articles in several charsets and transfer encodings, a private group
// (posted after AUTHINFO) and a 10,000-article group for paging. Every run posts new articles
// (fresh Message-IDs); `mail-lab/news up` runs it once per state directory.
// Usage: NNTP_PORT=3119 node mail-lab/seed/seed-news.mjs [--big=N]
import net from "node:net";
import crypto from "node:crypto";

const PORT = Number(process.env.NNTP_PORT ?? 3119);
const BIG = Number(process.argv.find((a) => a.startsWith("--big="))?.slice(6) ?? 10000);
const run = crypto.randomBytes(4).toString("hex");
// within INN's artcutoff (10 days): older articles are refused
const BASE = Date.now() - 3 * 86400000;

function connect() {
  const socket = net.connect(PORT, "127.0.0.1");
  let buf = "";
  const waiting = [];
  socket.setEncoding("latin1"); // bytes as they are; answers are ASCII
  socket.on("data", (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf("\r\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 2);
      waiting.shift()?.resolve(line);
    }
  });
  socket.on("error", (e) => waiting.splice(0).forEach((w) => w.reject(e)));
  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const expect = async (code, sent) => {
    const line = await next();
    if (!line.startsWith(String(code))) throw new Error(`${sent ?? "greeting"}: expected ${code}, got ${line}`);
    return line;
  };
  const command = (line, code) => {
    const p = expect(code, line.split(" ")[0]);
    socket.write(`${line}\r\n`, "latin1");
    return p;
  };
  return { socket, expect, command };
}

/** An article as bytes: header lines (already encoded) and a body Buffer in its charset. */
function article({ from, groups, subject, id, refs = [], minutes, headers = [], body }) {
  const head = [
    `From: ${from}`,
    `Newsgroups: ${groups}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    `Date: ${new Date(BASE + minutes * 60000).toUTCString().replace("GMT", "+0000")}`,
    ...(refs.length ? [`References: ${refs.map((r) => `<${r}>`).join(" ")}`] : []),
    ...headers,
  ];
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  return Buffer.concat([Buffer.from(head.join("\r\n") + "\r\n\r\n", "latin1"), bytes]);
}

async function post(conn, bytes) {
  await conn.command("POST", 340);
  const text = bytes.toString("latin1").replace(/\r?\n/g, "\r\n");
  const stuffed = text.replace(/^\./gm, "..");
  conn.socket.write(`${stuffed}${stuffed.endsWith("\r\n") ? "" : "\r\n"}.\r\n`, "latin1");
  await conn.expect(240, "POST");
}

const ALICE = "Alice Example <alice@example.test>";
const BOB = "Bob Example <bob@example.test>";
const CAROL = "=?UTF-8?Q?Carol_M=C3=BCller?= <carol@example.test>";
const mid = (n) => `${n}.${run}@lab.test`;

function general() {
  const root = mid("launch");
  const r1 = mid("launch-r1");
  const r2 = mid("launch-r2");
  const r11 = mid("launch-r1-1");
  return [
    article({ from: ALICE, groups: "postern.test.general", subject: "Postern reads news now", id: root, minutes: 0,
      body: "Hello group,\n\nPostern can read and post newsgroups beside mail.\n\n-- \nAlice\n" }),
    article({ from: BOB, groups: "postern.test.general", subject: "Re: Postern reads news now", id: r1, refs: [root], minutes: 10,
      body: "Alice Example wrote:\n> Postern can read and post newsgroups beside mail.\n\nNice. Does it thread replies?\n" }),
    article({ from: CAROL, groups: "postern.test.general", subject: "Re: Postern reads news now", id: r2, refs: [root], minutes: 20,
      body: "It marks cross-posts read in every group, too.\n" }),
    article({ from: ALICE, groups: "postern.test.general", subject: "Re: Postern reads news now", id: r11, refs: [root, r1], minutes: 30,
      body: "Bob Example wrote:\n> Does it thread replies?\n\nYes, by References, like the conversation view.\n" }),
    article({ from: BOB, groups: "postern.test.general,postern.test.charsets", subject: "Cross-posted to two groups", id: mid("xpost"), minutes: 40,
      body: "This article is in postern.test.general and postern.test.charsets.\n" }),
    article({ from: CAROL, groups: "postern.test.general", subject: "A line that starts with a dot", id: mid("dots"), minutes: 50,
      body: "The next line starts with a dot:\n.hidden? no, dot-stuffed on the wire\n..two dots\n.\nend\n" }),
    article({ from: ALICE, groups: "postern.test.general", subject: "Phishing sample: verify your account", id: mid("phish"), minutes: 60,
      headers: ["MIME-Version: 1.0", "Content-Type: text/html; charset=UTF-8"],
      body: '<p>Please <a href="http://192.0.2.7/login">https://www.paypal.com/verify</a> now.</p><script>alert(1)</script>\n' }),
  ];
}

function charsets() {
  const latin = mid("latin1");
  return [
    article({ from: "=?ISO-8859-1?Q?Andr=E9_Fran=E7ois?= <andre@example.test>", groups: "postern.test.charsets",
      subject: "=?ISO-8859-1?Q?Caf=E9_cr=E8me_br=FBl=E9e?=", id: latin, minutes: 100,
      headers: ["MIME-Version: 1.0", "Content-Type: text/plain; charset=ISO-8859-1", "Content-Transfer-Encoding: 8bit"],
      body: Buffer.from("Un caf\xe9 cr\xe8me, une cr\xe8me br\xfbl\xe9e et l'addition s'il vous pla\xeet.\n", "latin1") }),
    article({ from: BOB, groups: "postern.test.charsets", subject: "=?ISO-8859-1?Q?Re:_Caf=E9_cr=E8me_br=FBl=E9e?=", id: mid("latin1-r"), refs: [latin], minutes: 110,
      headers: ["MIME-Version: 1.0", "Content-Type: text/plain; charset=ISO-8859-1", "Content-Transfer-Encoding: quoted-printable"],
      body: "Merci, d=E9licieux!\n" }),
    article({ from: "=?KOI8-R?B?98/Mz8TRIA==?= <volodya@example.test>", groups: "postern.test.charsets",
      subject: "=?KOI8-R?B?8NLJ18XUIMnaIOvPyS04?=", id: mid("koi8"), minutes: 120,
      headers: ["MIME-Version: 1.0", "Content-Type: text/plain; charset=KOI8-R", "Content-Transfer-Encoding: 8bit"],
      body: Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2, 0x21, 0x0a]) }),
    article({ from: "=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@example.test>", groups: "postern.test.charsets",
      subject: "=?Shift_JIS?B?k/qWe4zqgsyDZYNYg2c=?=", id: mid("sjis"), minutes: 130,
      headers: ["MIME-Version: 1.0", "Content-Type: text/plain; charset=Shift_JIS", "Content-Transfer-Encoding: base64"],
      body: `${Buffer.from([130, 177, 130, 234, 130, 205, 131, 101, 131, 88, 131, 103, 10]).toString("base64")}\n` }),
    article({ from: CAROL, groups: "postern.test.charsets", subject: "=?UTF-8?B?w5xiZXIgVW5pY29kZSDinJMg8J+TsA==?=", id: mid("utf8"), minutes: 140,
      headers: ["MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"],
      body: "Grüße aus Zürich — ✓ 📰 日本語\n" }),
  ];
}

function e2e() {
  return [article({ from: BOB, groups: "postern.test.e2e", subject: "Browser test thread", id: mid("e2e"), minutes: 200,
    body: "Follow up to this article from the browser.\n" })];
}

function privateGroup() {
  return [article({ from: ALICE, groups: "postern.test.private", subject: "For signed-in readers", id: mid("private"), minutes: 300,
    body: "Only readers who sent AUTHINFO see this.\n" })];
}

function big(i) {
  const thread = Math.floor(i / 5);
  const first = i % 5 === 0;
  return article({ from: i % 2 ? BOB : ALICE, groups: "postern.test.big", subject: `${first ? "" : "Re: "}Paging topic ${thread}`,
    id: mid(`big-${i}`), refs: first ? [] : [mid(`big-${thread * 5}`)], minutes: 1000 + i / 10,
    body: `Article ${i} of the paging group.\n` });
}

const conn = connect();
await conn.expect(200);
await conn.command("MODE READER", 200);
for (const a of [...general(), ...charsets(), ...e2e()]) await post(conn, a);
await conn.command("AUTHINFO USER alice@example.test", 381);
await conn.command("AUTHINFO PASS alice-pass", 281);
for (const a of privateGroup()) await post(conn, a);
await conn.command("QUIT", 205);
conn.socket.end();

// nnrpd handles one POST at a time per connection: a few connections at once are ~3x faster
const t0 = Date.now();
const LANES = 4;
await Promise.all(
  Array.from({ length: LANES }, async (_, lane) => {
    const c = connect();
    await c.expect(200);
    await c.command("MODE READER", 200);
    for (let i = lane; i < BIG; i += LANES) await post(c, big(i));
    await c.command("QUIT", 205);
    c.socket.end();
  }),
);
if (BIG) console.log(`seed-news: ${BIG} articles into postern.test.big in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
