import { describe, expect, it } from "vitest";
import { readSpamMessage } from "./read-spam-message";
import type { SpamMessage } from "./spam-message";
import { looksLikeHtml, tokenize } from "./tokenize";

const message = (over: Partial<SpamMessage>): SpamMessage => ({ headers: [], text: null, html: null, attachments: [], ...over });

describe("tokenize", () => {
  it("keeps case, dollar signs, exclamation marks, dashes and apostrophes in words", () => {
    expect(tokenize(message({ text: "FREE money!!! Only $20 for a one-time don't-miss offer." }))).toEqual([
      "FREE", "money!!!", "Only", "$20", "for", "one-time", "don't-miss", "offer",
    ]);
  });

  it("keeps periods and commas between digits (prices, IP addresses), drops bare numbers", () => {
    expect(tokenize(message({ text: "Pay $1,000.50 from 192.168.0.1 in 2024. End." }))).toEqual(["Pay", "$1,000.50", "from", "192.168.0.1", "in", "End"]);
  });

  it("drops quotes and dashes around words and one-letter words", () => {
    expect(tokenize(message({ text: "'quoted' ---- -dash- a I" }))).toEqual(["quoted", "dash"]);
  });

  it("tags header words with their field, one spelling per field", () => {
    const tokens = tokenize(message({ headers: [{ name: "Subject", value: "FREE offer" }, { name: "return-path", value: "<x@spam.example>" }] }));
    expect(tokens).toEqual(["Subject*FREE", "Subject*offer", "Return-Path*spam", "Return-Path*example"]);
  });

  it("does not learn another filter's verdict", () => {
    expect(tokenize(message({ headers: [{ name: "X-Spam-Status", value: "Yes, score=9" }, { name: "X-Spam-Flag", value: "YES" }] }))).toEqual([]);
  });

  it("splits URLs into Url* parts", () => {
    expect(tokenize(message({ text: "Visit http://cheap-pills.example.com/buy?now=1 today" }))).toEqual([
      "Url*http", "Url*cheap-pills", "Url*example", "Url*com", "Url*buy", "Url*now", "Visit", "today",
    ]);
  });

  it("reads HTML text and the URLs in attributes, not tag or attribute names, comments, scripts or styles", () => {
    const html = '<html><style>p{color:red}</style><p class="big">Cheap &amp; <b>FAST</b></p><!-- hidden words --><a href="https://pills.example/x">here</a><script>var evil</script></html>';
    expect(tokenize(message({ html }))).toEqual(["Url*https", "Url*pills", "Url*example", "Cheap", "FAST", "here"]);
  });

  it("names attachments", () => {
    expect(tokenize(message({ attachments: [{ filename: "invoice.exe", contentType: "application/x-msdownload" }] }))).toEqual([
      "Attachment*invoice", "Attachment*exe", "Attachment*application/x-msdownload",
    ]);
  });
});

describe("tokenize: HTML sent as plain text", () => {
  it("reads a plain-text body that is an HTML document as HTML: text and link parts, no tag names", () => {
    const text = '\n\n<HTML><BODY bgcolor="tan"><FONT face="Arial">Cheap <B>FAST</B></FONT> <a href="http://pills.example/x">here</a></BODY></HTML>';
    expect(tokenize(message({ text }))).toEqual(["Url*http", "Url*pills", "Url*example", "Cheap", "FAST", "here"]);
  });

  it("leaves plain text that merely mentions tags as text", () => {
    expect(looksLikeHtml("Use <html> to start the page")).toBe(false);
    expect(looksLikeHtml("<!-- x --> <!DOCTYPE html><p>hi")).toBe(true);
    expect(tokenize(message({ text: "Use <font> tags sparingly" }))).toEqual(["Use", "tags", "sparingly"]);
  });

  it("drops HTML tags inside plain text but keeps the URLs in their attributes and non-tag angle brackets", () => {
    const text = 'Hi <b>there</b><br>\n<td width="25"><img src="http://img.example/p.gif" border=0></td> write to <bob@mail.example> if ab <cd> ef';
    expect(tokenize(message({ text }))).toEqual([
      "Url*http", "Url*img", "Url*example", "Url*gif", "Hi", "there", "write", "to", "bob", "mail", "example", "if", "ab", "cd", "ef",
    ]);
  });
});

describe("readSpamMessage", () => {
  it("decodes transfer encodings, charsets and encoded words before tokenizing", async () => {
    const raw = Buffer.from(
      "From: =?utf-8?B?SsO8cmdlbg==?= <j@example.test>\r\nSubject: =?iso-8859-1?Q?Gr=FC=DFe?=\r\nMessage-ID: <Abc@Example.test>\r\n" +
        "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        Buffer.from("Schöne Grüße", "latin1").toString("base64") + "\r\n",
    );
    const { message, messageId } = await readSpamMessage(raw);
    const tokens = tokenize(message);
    expect(tokens).toContain("From*Jürgen");
    expect(tokens).toContain("Subject*Grüße");
    expect(tokens).toContain("Schöne");
    expect(tokens).toContain("Grüße");
    expect(messageId).toBe("<Abc@Example.test>");
  });
});

describe("tokenize: fields that say nothing about the sender's intent", () => {
  it("skips the recipient's trace fields and dates (of Received, only the originating host is read)", () => {
    const headers = ["Received", "Delivered-To", "Date", "X-Original-To"].map((name) => ({ name, value: "from mx.example.test by in.example.test; Mon, 1 Jul 2002" }));
    expect(tokenize(message({ headers }))).toEqual(["Received*mx", "Received*example", "Received*test"]);
  });

  it("reads the originating hop (the last Received field's from clause) and no other", () => {
    const headers = [
      { name: "Received", value: "from mx.recipient.example (mx [10.0.0.1]) by mail.recipient.example; Mon, 1 Jul 2002" },
      { name: "Received", value: "from smtp.isp.example (dsl-7.isp.example [192.0.2.7]) by mx.recipient.example (Postfix) with ESMTP id X; Mon, 1 Jul 2002" },
    ];
    expect(tokenize(message({ headers }))).toEqual([
      "Received*smtp", "Received*isp", "Received*example", "Received*dsl-7", "Received*isp", "Received*example", "Received*192.0.2.7",
    ]);
  });

  it("skips a mailing list's bookkeeping fields, which the list adds to its spam too", () => {
    const headers = ["List-Id", "List-Unsubscribe", "List-Post", "Errors-To", "Sender", "X-BeenThere", "X-Mailman-Version", "X-Loop", "Mailing-List"].map(
      (name) => ({ name, value: "fork-admin@xent.com Friends of Rohit Khare" }),
    );
    expect(tokenize(message({ headers: [...headers, { name: "To", value: "fork@xent.com" }] }))).toEqual(["To*fork", "To*xent", "To*com"]);
  });
});
