import { describe, expect, it } from "vitest";
import { findNamedDomains } from "@/lib/mime/find-domains";
import { hasKnownSuffix, normalizeHost, registrableDomain } from "@/lib/mime/registrable-domain";

describe("findNamedDomains", () => {
  it("finds URLs, www names, addresses and bare names with a real suffix", () => {
    expect(findNamedDomains("https://www.examplebank.test/login")).toEqual(["www.examplebank.test"]);
    expect(findNamedDomains("Log in at www.PayPal.com or mail help@Bank.test")).toEqual(["www.paypal.com", "bank.test"]);
    expect(findNamedDomains("Visit example.co.uk, then shop.example.org.")).toEqual(["example.co.uk", "shop.example.org"]);
    expect(findNamedDomains("http://user:pw@host.example:8080/x")).toEqual(["host.example"]);
    expect(findNamedDomains("http://[::1]/ and http://0x7f.1/")).toEqual(["[::1]", "127.0.0.1"]);
  });

  it("ignores file names, version numbers and abbreviations", () => {
    expect(findNamedDomains("report.pdf, v1.2.3, e.g. this, i.e. that, index.html")).toEqual([]);
    expect(findNamedDomains("Click here")).toEqual([]);
  });

  it("normalizes Unicode, full-width letters and ideographic dots", () => {
    expect(findNamedDomains("ＰａｙＰａｌ。com")).toEqual(["paypal.com"]);
    expect(findNamedDomains("раураl.com")).toEqual(["xn--l-7sba6dbr.com"]);
  });

  it("gives each domain once and stops after 2000 characters", () => {
    expect(findNamedDomains("a.example.org a.example.org")).toEqual(["a.example.org"]);
    expect(findNamedDomains(`${"x ".repeat(1000)}paypal.com`)).toEqual([]);
  });
});

describe("registrable domains", () => {
  it("uses the public suffix list, private section included", () => {
    expect(registrableDomain("a.b.example.co.uk")).toBe("example.co.uk");
    expect(registrableDomain("alice.github.io")).toBe("alice.github.io");
    expect(registrableDomain("login.example-secure.test")).toBe("example-secure.test");
    expect(registrableDomain("192.168.0.1")).toBe("192.168.0.1");
  });

  it("knows which dotted words end in a real suffix", () => {
    expect(hasKnownSuffix("paypal.com")).toBe(true);
    expect(hasKnownSuffix("bank.test")).toBe(true);
    expect(hasKnownSuffix("report.pdf")).toBe(false);
    expect(hasKnownSuffix("co.uk")).toBe(false);
    expect(hasKnownSuffix("10.0.0.1")).toBe(false);
  });

  it("normalizes hosts as a URL parser does", () => {
    expect(normalizeHost("WWW.Example.COM")).toBe("www.example.com");
    expect(normalizeHost("2130706433")).toBe("127.0.0.1");
    expect(normalizeHost("::1")).toBe("[::1]");
    expect(normalizeHost("bad host")).toBeNull();
  });
});
