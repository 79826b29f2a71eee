import { describe, expect, it } from "vitest";
import { applyRules } from "./heuristics";
import { readSenderAuth } from "./sender-auth";
import type { SpamMessage } from "./spam-message";
import { readUpstreamVerdict } from "./upstream-verdict";

const ok = [
  { name: "Date", value: "Mon, 2 Mar 2026 10:00:00 +0000" },
  { name: "Message-ID", value: "<a@example.test>" },
];
const message = (over: Partial<SpamMessage>): SpamMessage => ({ headers: ok, text: "hello", html: null, attachments: [], ...over });
const rules = (m: SpamMessage) => applyRules(m).map((h) => h.rule);

describe("applyRules", () => {
  it("finds nothing in an ordinary message", () => {
    expect(applyRules(message({ headers: [...ok, { name: "Subject", value: "Lunch on Friday?" }] }))).toEqual([]);
  });

  it("scores an all-capitals subject and many exclamation marks", () => {
    expect(rules(message({ headers: [...ok, { name: "Subject", value: "YOU HAVE WON A PRIZE!!!" }] }))).toEqual(["SUBJ_ALL_CAPS", "SUBJ_EXCLAMATIONS"]);
  });

  it("scores HTML-only mail with almost no text, and links that lie about where they go", () => {
    const html = '<p>Click <a href="http://203.0.113.9/login">https://www.paypal.com/signin</a></p>';
    const hits = rules(message({ headers: [...ok, { name: "Content-Type", value: "text/html; charset=utf-8" }], html, text: null }));
    expect(hits).toEqual(expect.arrayContaining(["HTML_ONLY_TINY_TEXT", "LINK_TEXT_MISMATCH", "LINK_IP_ADDRESS"]));
  });

  it("scores Reply-To in another domain than From", () => {
    const m = message({ from: [{ name: "Bank", address: "service@bank.example" }], replyTo: [{ name: "", address: "collect@free-mail.example" }] });
    expect(rules(m)).toContain("REPLYTO_OTHER_DOMAIN");
    expect(rules({ ...m, replyTo: [{ name: "", address: "help@mail.bank.example" }] })).not.toContain("REPLYTO_OTHER_DOMAIN");
  });

  it("scores missing Date and Message-ID", () => {
    expect(rules(message({ headers: [] }))).toEqual(["MISSING_DATE", "MISSING_MESSAGE_ID"]);
  });

  it("does not count a mailing list's Reply-To (the list's own address) against it", () => {
    const m = message({
      headers: [...ok, { name: "List-Id", value: "<fork.xent.com>" }],
      from: [{ name: "Ann", address: "ann@example.org" }],
      replyTo: [{ name: "", address: "fork@xent.com" }],
    });
    expect(rules(m)).not.toContain("REPLYTO_OTHER_DOMAIN");
  });

  it("scores headers bulk mailers get wrong: a Date without zone or unreadable, a malformed Message-ID", () => {
    const at = (date: string, id = "<a@example.test>") => rules(message({ headers: [{ name: "Date", value: date }, { name: "Message-ID", value: id }] }));
    expect(at("Mon, 2 Mar 2026 10:00:00 +0100")).toEqual([]);
    expect(at("Mon, 2 Mar 2026 10:00:00 GMT")).toEqual([]);
    expect(at("Mon, 2 Mar 2026 10:00:00 -0500 (EST)")).toEqual([]);
    expect(at("Mon, 2 Mar 2026 10:00:00")).toEqual(["DATE_NO_TIME_ZONE"]);
    expect(at("Today")).toEqual(["DATE_UNREADABLE"]);
    expect(at("Mon, 2 Mar 2026 10:00:00 +0000", "20260302.1234")).toEqual(["MESSAGE_ID_MALFORMED"]);
  });

  it("scores MIME without MIME-Version, a base64 text body and a subject padded with a tracking tag", () => {
    expect(rules(message({ html: "<p>hi</p>", text: null }))).toEqual(["MIME_WITHOUT_VERSION"]);
    expect(rules(message({ headers: [...ok, { name: "MIME-Version", value: "1.0" }], html: "<p>hi</p>", text: null }))).toEqual([]);
    expect(rules(message({ headers: [...ok, { name: "Content-Transfer-Encoding", value: "base64" }] }))).toEqual(["TEXT_IN_BASE64"]);
    expect(rules(message({ headers: [...ok, { name: "Subject", value: "Get Paid For What You Know                18436" }] }))).toEqual(["SUBJ_TRACKING_TAG"]);
    expect(rules(message({ headers: [...ok, { name: "Subject", value: "Re: minutes, 2 March" }] }))).toEqual([]);
  });

  it("counts the mail server's filter at half its score, or 4 points for a bare flag", () => {
    const scored = applyRules(message({ headers: [...ok, { name: "X-Spam-Status", value: "Yes, score=7.4 required=5.0 tests=BAYES_99" }] }));
    expect(scored).toEqual([expect.objectContaining({ rule: "UPSTREAM_SCORE", points: 3.7 })]);
    const flagged = applyRules(message({ headers: [...ok, { name: "X-Spam-Flag", value: "YES" }] }));
    expect(flagged).toEqual([expect.objectContaining({ rule: "UPSTREAM_FLAG", points: 4 })]);
  });

  it("scores failed sender authentication", () => {
    const m = message({ headers: [...ok, { name: "Authentication-Results", value: "mx.example.test; spf=fail smtp.mailfrom=x.example; dkim=fail; dmarc=fail header.from=x.example" }] });
    expect(rules(m)).toEqual(["SPF_FAIL", "DKIM_FAIL", "DMARC_FAIL"]);
  });
});

describe("readSenderAuth", () => {
  it("reads the topmost Authentication-Results, where one passing DKIM signature counts", () => {
    const m = message({
      headers: [
        { name: "Authentication-Results", value: "mx.example.test; spf=pass smtp.mailfrom=a.example; dkim=fail header.d=old.example; dkim=pass header.d=a.example; dmarc=pass" },
        { name: "Authentication-Results", value: "forged.example; spf=fail; dmarc=fail" },
      ],
    });
    expect(readSenderAuth(m)).toEqual({ spf: "pass", dkim: "pass", dmarc: "pass" });
  });

  it("falls back to Received-SPF, and says nothing when there is nothing", () => {
    expect(readSenderAuth(message({ headers: [{ name: "Received-SPF", value: "SoftFail (mx: domain of x does not designate ...)" }] }))).toEqual({
      spf: "softfail",
      dkim: null,
      dmarc: null,
    });
    expect(readSenderAuth(message({}))).toEqual({ spf: null, dkim: null, dmarc: null });
  });
});

describe("readUpstreamVerdict", () => {
  it("reads flag, score and status", () => {
    expect(readUpstreamVerdict(message({ headers: [{ name: "X-Spam-Flag", value: "NO" }, { name: "X-Spam-Score", value: "-1.2" }] }))).toEqual({ flagged: false, score: -1.2 });
    expect(readUpstreamVerdict(message({ headers: [{ name: "X-Spam-Status", value: "No, hits=2.0 required=5.0" }] }))).toEqual({ flagged: false, score: 2 });
    expect(readUpstreamVerdict(message({}))).toEqual({ flagged: null, score: null });
  });
});
