import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fetchArticle } from "@/lib/nntp/commands/article";
import { selectGroup } from "@/lib/nntp/commands/group";
import { readHeaderField } from "@/lib/nntp/commands/hdr";
import { listActive } from "@/lib/nntp/commands/list-active";
import { listGroup } from "@/lib/nntp/commands/listgroup";
import { listNewsgroups } from "@/lib/nntp/commands/list-newsgroups";
import { newNews } from "@/lib/nntp/commands/newnews";
import { fetchOverview } from "@/lib/nntp/commands/over";
import { postArticle } from "@/lib/nntp/commands/post";
import { NntpResponseError } from "@/lib/nntp/errors";
import { openNewsSession, type NewsSession, type NewsSessionOptions } from "@/lib/nntp/open-news-session";

// The lab's INN (mail-lab/news): anonymous readers see every postern.test.* group but the
// private one; the mail lab's users may sign in with AUTHINFO.
const PORT = Number(process.env.LAB_NNTP_PORT ?? 3119);
const CA = path.resolve(import.meta.dirname, "../../data/lab/ssl/cert.pem");
const base: NewsSessionOptions = { host: "127.0.0.1", port: PORT, security: "none", tls: { rejectUnauthorized: true } };

const open: NewsSession[] = [];
async function session(opts: Partial<NewsSessionOptions> = {}): Promise<NewsSession> {
  const s = await openNewsSession({ ...base, ...opts });
  open.push(s);
  return s;
}
afterEach(() => open.splice(0).forEach((s) => s.connection.close()));

describe("news client against INN", () => {
  it("learns the reader capabilities and lists the lab's groups with descriptions", async () => {
    const s = await session();
    expect(s.capabilities.has("READER")).toBe(true);
    expect(s.hasOver).toBe(true);
    expect(s.postingAllowed).toBe(true);
    const groups = await listActive(s.connection, "postern.test.*");
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["postern.test.general", "postern.test.charsets", "postern.test.big"]));
    const descriptions = await listNewsgroups(s.connection, "postern.test.*");
    expect(descriptions.get("postern.test.general")).toBe("General talk about the Postern test lab");
  });

  it("reads the newest page of a group from OVER, with threads, cross-posts and decoded headers", async () => {
    const s = await session();
    const g = await selectGroup(s.connection, "postern.test.general");
    expect(g.count).toBeGreaterThanOrEqual(7);
    const { rows, malformed } = await fetchOverview(s.connection, { low: Math.max(g.low, g.high - 49), high: g.high, format: s.overviewFormat });
    expect(malformed).toBe(0);
    const reply = rows.find((r) => r.subject === "Re: Postern reads news now" && r.references.length === 2)!;
    const root = rows.find((r) => r.messageId === reply.references[0])!;
    expect(root.subject).toBe("Postern reads news now");
    expect(rows.some((r) => r.from.startsWith("Carol Müller"))).toBe(true);
    const xpost = rows.find((r) => r.subject === "Cross-posted to two groups")!;
    expect(xpost.xref.map((x) => x.group).sort()).toEqual(["postern.test.charsets", "postern.test.general"]);
  });

  it("fetches articles by number and by Message-ID, dot-unstuffed", async () => {
    const s = await session();
    const g = await selectGroup(s.connection, "postern.test.general");
    const { rows } = await fetchOverview(s.connection, { low: g.low, high: g.high, format: s.overviewFormat });
    const dots = rows.filter((r) => r.subject === "A line that starts with a dot").at(-1)!;
    const byNumber = await fetchArticle(s.connection, { ref: { number: dots.number }, part: "BODY" });
    expect(byNumber.raw.toString()).toBe("The next line starts with a dot:\r\n.hidden? no, dot-stuffed on the wire\r\n..two dots\r\n.\r\nend\r\n");
    const byId = await fetchArticle(s.connection, { ref: { messageId: `<${dots.messageId}>` } });
    expect(byId.messageId).toBe(dots.messageId); // (its number is 0 by Message-ID: RFC 3977 6.2.1.2)
    expect(byId.raw.toString()).toContain("Subject: A line that starts with a dot\r\n");
    await expect(fetchArticle(s.connection, { ref: { messageId: "no-such-article@lab.test" } })).rejects.toMatchObject({ code: 430 });
  });

  it("keeps article bytes as they are (a KOI8-R body stays KOI8-R)", async () => {
    const s = await session();
    const g = await selectGroup(s.connection, "postern.test.charsets");
    const { rows } = await fetchOverview(s.connection, { low: g.low, high: g.high, format: s.overviewFormat });
    const koi = rows.find((r) => r.subject === "Привет из Кои-8")!;
    expect(koi.from).toContain("Володя");
    const body = await fetchArticle(s.connection, { ref: { number: koi.number }, part: "BODY" });
    expect(new TextDecoder("koi8-r").decode(body.raw)).toBe("Привет, мир!\r\n");
    expect(rows.some((r) => r.subject === "日本語のテスト")).toBe(true);
    expect(rows.some((r) => r.subject === "Café crème brûlée")).toBe(true);
  });

  it("upgrades with STARTTLS and signs in with AUTHINFO; a wrong password is refused with 481", async () => {
    const tls = { rejectUnauthorized: true, ca: fs.readFileSync(CA) };
    const s = await session({ security: "starttls", tls, credentials: { user: "alice@example.test", pass: "alice-pass" } });
    expect(s.capabilities.has("STARTTLS")).toBe(false);
    const g = await selectGroup(s.connection, "postern.test.private");
    expect(g.count).toBeGreaterThanOrEqual(1);
    const anonymous = await session();
    await expect(selectGroup(anonymous.connection, "postern.test.private")).rejects.toBeInstanceOf(NntpResponseError);
    await expect(session({ credentials: { user: "alice@example.test", pass: "wrong" } })).rejects.toMatchObject({ code: 481 });
  });

  it("posts an article that LISTGROUP, HDR and NEWNEWS then see", async () => {
    const s = await session();
    const since = new Date(Date.now() - 60_000);
    const id = `${crypto.randomUUID()}@postern.test`;
    const raw = Buffer.from(
      `From: Alice <alice@example.test>\r\nNewsgroups: postern.test.e2e\r\nSubject: posted by the client test\r\nMessage-ID: <${id}>\r\n\r\n.starts with a dot\r\nsecond line\r\n`,
    );
    await postArticle(s.connection, raw);
    const body = await fetchArticle(s.connection, { ref: { messageId: id }, part: "BODY" });
    expect(body.raw.toString()).toBe(".starts with a dot\r\nsecond line\r\n");
    const { status, numbers } = await listGroup(s.connection, "postern.test.e2e");
    const ids = await readHeaderField(s.connection, { field: "Message-ID", low: status.low, high: status.high });
    const number = [...ids].find(([, v]) => v.toString() === `<${id}>`)?.[0];
    expect(numbers).toContain(number);
    const subjects = await readHeaderField(s.connection, { field: "Subject", low: number!, high: number! });
    expect(subjects.get(number!)?.toString()).toBe("posted by the client test");
    expect(await newNews(s.connection, { wildmat: "postern.test.e2e", since })).toContain(id);
  });

  it("refuses a post without the headers the server needs, with its reason", async () => {
    const s = await session();
    const err = await postArticle(s.connection, Buffer.from("Subject: no groups\r\n\r\nbody\r\n")).catch((e) => e);
    expect(err).toBeInstanceOf(NntpResponseError);
    expect(err.code).toBe(441);
  });

  it("pages a 10,000-article group by number range: the newest 50 only", async () => {
    const s = await session();
    const g = await selectGroup(s.connection, "postern.test.big");
    expect(g.count).toBeGreaterThanOrEqual(10_000);
    const t0 = performance.now();
    const { rows } = await fetchOverview(s.connection, { low: g.high - 49, high: g.high, format: s.overviewFormat });
    const ms = performance.now() - t0;
    expect(rows).toHaveLength(50);
    expect(rows.at(-1)!.number).toBe(g.high);
    console.log(`OVER of the newest 50 of ${g.count} articles: ${ms.toFixed(1)} ms`);
  });
});
