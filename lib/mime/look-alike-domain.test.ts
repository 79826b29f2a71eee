import { domainToASCII } from "node:url";
import { describe, expect, it } from "vitest";
import { findLookAlike } from "@/lib/mime/look-alike-domain";

const check = (unicodeHost: string) => findLookAlike(domainToASCII(unicodeHost))?.why ?? null;

describe("findLookAlike", () => {
  it("passes plain ASCII names, typos included (those are not homographs)", () => {
    expect(findLookAlike("paypal.com")).toBeNull();
    expect(findLookAlike("paypa1.com")).toBeNull();
    expect(findLookAlike("login.example-secure.test")).toBeNull();
  });

  it("flags Latin mixed with Cyrillic or Greek in one label", () => {
    expect(check("раypal.com")).toBe("mixed-scripts"); // Cyrillic р and а
    expect(check("paypaӏ.com")).toBe("mixed-scripts"); // Cyrillic palochka for l
    expect(check("gοogle.com")).toBe("mixed-scripts"); // Greek omicron
    expect(check("examplе.test")).toBe("mixed-scripts");
  });

  it("flags a whole label of Latin-looking Cyrillic or Greek letters under a Latin TLD", () => {
    expect(check("аррӏе.com")).toBe("latin-look-alike");
    expect(check("рayрal.com")).toBe("mixed-scripts");
    expect(check("ехаmрlе.com")).toBe("mixed-scripts"); // Latin m among Cyrillic
    expect(check("ехе.com")).toBe("latin-look-alike");
    expect(check("ορυ.com")).toBe("latin-look-alike");
  });

  it("flags Latin letters that exist to deceive (IPA, small capitals, dotless i)", () => {
    expect(check("pɑypal.com")).toBe("deceptive-letters");
    expect(check("ɢoogle.com")).toBe("deceptive-letters");
    expect(check("lınkedin.com")).toBe("deceptive-letters");
  });

  it("passes IDNs written as their script's users write them", () => {
    expect(check("bücher.de")).toBeNull();
    expect(check("straße.de")).toBeNull();
    expect(check("пример.рф")).toBeNull();
    expect(check("сор.рф")).toBeNull(); // Latin-looking Russian word, under a Cyrillic TLD
    expect(check("日本語.jp")).toBeNull();
    expect(check("ファミリーマート.jp")).toBeNull();
    expect(check("東京abc.jp")).toBeNull(); // Han + Latin is a normal Japanese mix
    expect(check("한국어.kr")).toBeNull();
    expect(check("ไทย.th")).toBeNull();
    expect(check("παράδειγμα.ελ")).toBeNull();
  });

  it("flags scripts mixed in ways no language does", () => {
    expect(check("aไทย.com")).toBe("mixed-scripts");
    expect(check("한국ไทย.com")).toBe("mixed-scripts");
  });

  it("gives the Unicode form the reader would be shown", () => {
    expect(findLookAlike("xn--80ak6aa92e.com")).toEqual({ hostname: "xn--80ak6aa92e.com", unicode: "аррӏе.com", why: "latin-look-alike" });
  });

  it("flags punycode that does not decode", () => {
    // "xn--zz-" decodes to plain "zz", which no valid IDN label does
    expect(findLookAlike("xn--zz-.com")).toEqual({ hostname: "xn--zz-.com", unicode: "zz.com", why: "bad-punycode" });
  });
});
