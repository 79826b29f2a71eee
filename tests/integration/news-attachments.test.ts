import crypto from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { downloadArticlePart } from "@/lib/news/download-article-part";
import { listArticles } from "@/lib/news/list-articles";
import { saveNewsServer } from "@/lib/news/news-server-store";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { postArticle } from "@/lib/nntp/commands/post";

// Files of news articles through Postern's path against the lab INN: MIME attachments and a
// uuencoded file in the text (the old Usenet way) download byte for byte, as listed.
const PORT = Number(process.env.LAB_NNTP_PORT ?? 3119);
const GROUP = "postern.test.e2e";
// a 1x1 PNG
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function labAccount(): Promise<string> {
  const who = `files-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await saveNewsServer(who, { host: "localhost", port: PORT, security: "starttls", credentials: null });
  return who;
}

/** uuencode (POSIX): 45 bytes a line, each 6 bits as a character from space, "`" for zero. */
function uuencode(name: string, data: Buffer): string {
  const char = (v: number) => (v === 0 ? "`" : String.fromCharCode(32 + v));
  const lines = [`begin 644 ${name}`];
  for (let i = 0; i < data.length; i += 45) {
    const chunk = data.subarray(i, i + 45);
    let line = char(chunk.length);
    for (let j = 0; j < chunk.length; j += 3) {
      const [a, b = 0, c = 0] = chunk.subarray(j, j + 3);
      line += char(a >> 2) + char(((a & 3) << 4) | (b >> 4)) + char(((b & 15) << 2) | (c >> 6)) + char(c & 63);
    }
    lines.push(line);
  }
  return [...lines, "`", "end"].join("\n");
}

async function postAndOpen(who: string, mail: ConstructorParameters<typeof MailComposer>[0]) {
  const messageId = `${crypto.randomUUID()}@postern.test`;
  const raw = await new MailComposer({ from: "Alice <alice@example.test>", headers: { Newsgroups: GROUP }, messageId: `<${messageId}>`, ...mail }).compile().build();
  await withNews(who, (s) => postArticle(s.connection, raw));
  const page = await withNews(who, (s) => listArticles(s, { group: GROUP, readRanges: [] }));
  const row = page.rows.find((r) => r.messageId === messageId);
  expect(row, "the posted article is listed").toBeTruthy();
  const opened = await withNews(who, (s) => readArticle(s, { group: GROUP, number: row!.number }));
  return { number: row!.number, attachments: opened.message.attachments };
}

describe("news article files", () => {
  it("downloads each MIME attachment byte for byte, under the name the reader lists", async () => {
    const who = await labAccount();
    const blob = crypto.randomBytes(300 * 1024);
    const { number, attachments } = await postAndOpen(who, {
      subject: "Files attached",
      text: "Two files.\n",
      attachments: [
        { filename: "pixel.png", content: PNG, contentType: "image/png" },
        { filename: "../../etc/data.bin", content: blob, contentType: "application/octet-stream" },
      ],
    });
    const png = attachments.find((a) => a.filename === "pixel.png");
    const bin = attachments.find((a) => a.contentType === "application/octet-stream");
    expect(png?.previewType).toBe("image/png");
    expect(bin?.filename).toBe("data.bin");

    const gotPng = await withNews(who, (s) => downloadArticlePart(s, { group: GROUP, number, part: png!.partId }));
    expect(gotPng).toMatchObject({ contentType: "image/png", filename: "pixel.png" });
    expect(gotPng.data.equals(PNG)).toBe(true);
    const gotBin = await withNews(who, (s) => downloadArticlePart(s, { group: GROUP, number, part: bin!.partId }));
    expect(gotBin.filename).toBe("data.bin");
    expect(gotBin.data.equals(blob)).toBe(true);
  });

  it("downloads a file uuencoded in the text", async () => {
    const who = await labAccount();
    const file = crypto.randomBytes(5000);
    const { number, attachments } = await postAndOpen(who, { subject: "uuencoded", text: `Here it is:\n${uuencode("blob.dat", file)}\nbye\n` });
    const listed = attachments.find((a) => a.member);
    expect(listed).toMatchObject({ filename: "blob.dat", member: "uue:1" });
    const got = await withNews(who, (s) => downloadArticlePart(s, { group: GROUP, number, part: listed!.partId, member: { kind: "uue", index: 1 } }));
    expect(got.filename).toBe("blob.dat");
    expect(got.data.equals(file)).toBe(true);
  });

  it("says clearly when the part or the article is not there", async () => {
    const who = await labAccount();
    const { number } = await postAndOpen(who, { subject: "no files", text: "Nothing attached.\n" });
    await expect(withNews(who, (s) => downloadArticlePart(s, { group: GROUP, number, part: "2" }))).rejects.toMatchObject({ code: "NOT_FOUND", message: "This attachment is not in the article." });
    await expect(withNews(who, (s) => downloadArticlePart(s, { group: GROUP, number, part: "1", member: { kind: "uue", index: 3 } }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withNews(who, (s) => downloadArticlePart(s, { group: GROUP, number: number + 100000, part: "2" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
