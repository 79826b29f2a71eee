import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { chooseCharset, decodeText, resolveCharset } from "@/lib/mime/decode-text";
import { repairHeaderLines } from "@/lib/mime/repair-header-lines";

const bytes = (text: string, charset: string) => iconv.encode(text, charset);

describe("decodeText", () => {
  it("trusts valid UTF-8 over a legacy label, and a fitting label over detection", () => {
    expect(decodeText(bytes("Grüße", "utf-8"), "iso-8859-1")).toBe("Grüße");
    expect(decodeText(bytes("Grüße", "latin1"), "iso-8859-1")).toBe("Grüße");
    expect(decodeText(bytes("สวัสดี", "windows-874"), "windows-874")).toBe("สวัสดี");
  });

  it("detects a missing or meaningless charset, with windows-1252 as the fallback", () => {
    expect(chooseCharset(bytes("Привет, как дела? Это тестовое сообщение", "koi8-r"), null)).toBe("koi8-r");
    expect(chooseCharset(bytes("こんにちは、会議の資料について", "shift_jis"), "us-ascii")).toBe("shift_jis");
    expect(chooseCharset(bytes("Grüße", "latin1"), "x-unknown")).toBe("windows-1252");
    expect(chooseCharset(bytes("plain ascii", "ascii"), null)).toBe("utf-8");
  });

  it("keeps mostly-UTF-8 as UTF-8 and reads Latin-1 labelled UTF-8 as what it is", () => {
    const mixed = Buffer.concat([bytes("Grüße aus Köln und München ", "utf-8"), Buffer.from([0xe9])]);
    expect(chooseCharset(mixed, "utf-8")).toBe("utf-8");
    expect(chooseCharset(bytes("Café crème", "latin1"), "utf-8")).toBe("windows-1252");
  });

  it("decodes UTF-7 and knows the usual aliases", () => {
    expect(decodeText(Buffer.from("Hi +AKM-1"), "utf-7")).toBe("Hi £1");
    expect(resolveCharset("ks_c_5601-1987")).toBe("cp949");
    expect(resolveCharset('"ISO-8859-1"')).toBe("windows-1252");
    expect(resolveCharset("no-such-charset")).toBeNull();
  });
});

describe("repairHeaderLines", () => {
  const line = (text: string | Buffer) => ({ key: "subject", line: Buffer.isBuffer(text) ? text.toString("latin1") : text });

  it("re-encodes UTF-7 words, escapes raw bytes in Q words and transcodes raw 8-bit lines to UTF-8", () => {
    const [utf7, rawQ, raw] = repairHeaderLines([
      line("Subject: =?utf-7?Q?+AKM-1?= =?utf-7?B?K0FQdy0=?="),
      line(Buffer.from("Subject: =?iso-8859-1?Q?Caf\xe9?=", "latin1")),
      line(Buffer.from("Subject: Caf\xe9", "latin1")),
    ]);
    expect(utf7.line).toBe(`Subject: =?utf-8?B?${Buffer.from("£1ü").toString("base64")}?=`);
    expect(rawQ.line).toBe("Subject: =?iso-8859-1?Q?Caf=E9?=");
    expect(Buffer.from(raw.line, "latin1").toString("utf8")).toBe("Subject: Café");
  });

  it("leaves ASCII and valid UTF-8 lines alone", () => {
    const lines = [line("Subject: plain"), line(Buffer.from("Subject: Grüße", "utf8"))];
    expect(repairHeaderLines(lines)).toEqual(lines);
  });
});
