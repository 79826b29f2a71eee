import { describe, expect, it } from "vitest";
import { DECEPTIVE_LINK } from "@/mail-lab/seed/corpus.mjs";
import { checkLink, checkSender } from "@/lib/mime/detect-phishing";

const reasonsOf = (href: string, text: string) => checkLink(href, text)?.reasons ?? [];

describe("checkLink: words naming another site", () => {
  it("flags the seeded phishing link and says what it shows and where it goes", () => {
    expect(checkLink(DECEPTIVE_LINK.href, DECEPTIVE_LINK.text)).toEqual({
      kind: "link",
      reasons: ["text-mismatch"],
      text: DECEPTIVE_LINK.text,
      target: DECEPTIVE_LINK.href,
      host: "login.example-secure.test",
      shownDomain: "www.examplebank.test",
    });
  });

  it("compares registrable domains, not host names", () => {
    expect(checkLink("https://login.examplebank.test/x", "www.examplebank.test")).toBeNull();
    expect(checkLink("https://accounts.example.co.uk/", "Sign in at example.co.uk")).toBeNull();
    expect(checkLink("https://WWW.PayPal.COM/", "https://www.paypal.com/")).toBeNull();
    // the public suffix list knows that co.uk and github.io are shared by many owners
    expect(reasonsOf("https://evil.co.uk/", "example.co.uk")).toEqual(["text-mismatch"]);
    expect(reasonsOf("https://attacker.github.io/", "victim.github.io")).toEqual(["text-mismatch"]);
  });

  it("sees through a trusted name used as a subdomain of another site", () => {
    expect(checkLink("https://paypal.com.evil.test/login", "paypal.com")?.reasons).toEqual(["text-mismatch"]);
  });

  it("finds domains in bare words, www names, URLs and addresses, in any case", () => {
    expect(reasonsOf("https://evil.test/", "Log in to PayPal.com now")).toEqual(["text-mismatch"]);
    expect(reasonsOf("https://evil.test/", "www.examplebank.test")).toEqual(["text-mismatch"]);
    expect(reasonsOf("https://evil.test/", "ftp://files.examplebank.test/")).toEqual(["text-mismatch"]);
    expect(reasonsOf("mailto:thief@evil.test", "support@bank.test")).toEqual(["text-mismatch"]);
    expect(checkLink("mailto:support@bank.test?subject=Hi", "support@bank.test")).toBeNull();
  });

  it("treats ideographic and full-width dots and letters as the browser does", () => {
    expect(checkLink("https://www.paypal.com/", "ＰａｙＰａｌ。com")).toBeNull();
    expect(reasonsOf("https://evil.test/", "paypal。com")).toEqual(["text-mismatch"]);
  });

  it("leaves words that name no domain alone", () => {
    expect(checkLink("https://evil.test/", "Click here")).toBeNull();
    expect(checkLink("https://files.example.org/q3.pdf", "report.pdf (v1.2.3), e.g. the summary")).toBeNull();
    expect(checkLink("tel:+15550100", "Call paypal.com support")).toBeNull();
    expect(checkLink("https://newsletter.example/read", "")).toBeNull();
  });

  it("shortens long link text and collapses its whitespace", () => {
    const w = checkLink("https://evil.test/", `  paypal.com\n\n${"x".repeat(400)}  `);
    expect(w?.text.length).toBe(160);
    expect(w?.text.startsWith("paypal.com x")).toBe(true);
    expect(w?.text.endsWith("…")).toBe(true);
  });
});

describe("checkLink: the target itself", () => {
  it("flags links to IP addresses, whatever notation the URL uses", () => {
    expect(reasonsOf("http://192.168.10.20/login", "Sign in")).toEqual(["ip-address"]);
    expect(reasonsOf("http://3232238100/login", "Sign in")).toEqual(["ip-address"]);
    expect(reasonsOf("http://0x7f.1/", "Sign in")).toEqual(["ip-address"]);
    expect(reasonsOf("http://[2001:db8::1]/", "Sign in")).toEqual(["ip-address"]);
    expect(checkLink("http://192.168.10.20/login", "Sign in")?.host).toBe("192.168.10.20");
  });

  it("flags a URL that hides its host behind a user name", () => {
    expect(reasonsOf("https://www.bank.test@evil.test/", "Your bank")).toEqual(["userinfo"]);
    expect(reasonsOf("https://www.bank.test:pw@evil.test/", "https://www.bank.test@evil.test/")).toEqual(["userinfo"]);
  });

  it("flags look-alike IDN targets and shows their Unicode form next to the punycode", () => {
    const w = checkLink("https://xn--80ak6aa92e.com/", "Apple ID");
    expect(w?.reasons).toEqual(["look-alike"]);
    expect(w?.host).toBe("аррӏе.com (xn--80ak6aa92e.com)");
    expect(reasonsOf("https://xn--pypal-4ve.com/", "PayPal")).toEqual(["look-alike"]);
  });

  it("adds up several reasons", () => {
    expect(reasonsOf("http://paypal.com@192.168.0.1/", "https://paypal.com/")).toEqual(["text-mismatch", "ip-address", "userinfo"]);
  });

  it("leaves ordinary and unusable targets alone", () => {
    expect(checkLink("https://bücher.de/", "bücher.de")).toBeNull();
    expect(checkLink("https://example.org/path?q=1#x", "Read more")).toBeNull();
    expect(checkLink("not a url", "paypal.com")).toBeNull();
    expect(checkLink("mailto:", "paypal.com")).toBeNull();
  });
});

describe("checkSender", () => {
  it("flags a display name that is another domain or another domain's address", () => {
    expect(checkSender({ name: "paypal.com", address: "x@evil.test" })).toEqual({
      kind: "sender",
      reasons: ["name-mismatch"],
      name: "paypal.com",
      address: "x@evil.test",
      claimedDomain: "paypal.com",
    });
    expect(checkSender({ name: "support@bank.test", address: "x@evil.test" })?.claimedDomain).toBe("bank.test");
    expect(checkSender({ name: "Bank Security (security@bank.test)", address: "x@mail.evil.test" })?.reasons).toEqual(["name-mismatch"]);
  });

  it("accepts a name that names the sender's own domain, or none", () => {
    expect(checkSender({ name: "support@bank.test", address: "support@bank.test" })).toBeNull();
    expect(checkSender({ name: "Example Bank (examplebank.test)", address: "no-reply@mail.examplebank.test" })).toBeNull();
    expect(checkSender({ name: "Alice Example", address: "alice@example.test" })).toBeNull();
    expect(checkSender({ name: "", address: "alice@example.test" })).toBeNull();
    expect(checkSender({ name: "paypal.com", address: "" })).toBeNull();
  });

  it("flags an address on a look-alike domain, written in Unicode or punycode", () => {
    expect(checkSender({ name: "Apple", address: "id@аррӏе.com" })?.reasons).toEqual(["look-alike"]);
    expect(checkSender({ name: "Apple", address: "id@xn--80ak6aa92e.com" })?.reasons).toEqual(["look-alike"]);
  });
});
