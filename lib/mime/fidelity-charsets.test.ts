import { describe, expect, it } from "vitest";
import { files, viewFixture, visibleText } from "@/tests/fixtures/mime/view-fixture";

// Issue 10, charsets and headers: each fixture is read as the user sees it, through the view.

describe("real-world charsets", () => {
  it("decodes UTF-7 encoded words (old Outlook) in the subject and name, and a UTF-7 body", async () => {
    const view = await viewFixture("rfc2047-utf7.eml");
    expect(view.subject).toBe("Preis: £100 für Grüße");
    expect(view.from).toEqual([{ name: "Jürgen Müller", address: "juergen@example.test" }]);
    expect(visibleText(view)).toBe("Grüße aus München, der Preis ist £100.\n");
    expect(view.attachments).toEqual([]);
    expect(view.problems).toEqual([]);
  });

  it("reads raw 8-bit bytes inside encoded words in the word's own charset", async () => {
    const view = await viewFixture("rfc2047-raw-8bit.eml");
    expect(view.subject).toBe("Réunion à Lévis");
    expect(view.from).toEqual([{ name: "François Léger", address: "francois@example.test" }]);
    expect(visibleText(view)).toBe("Rendez-vous à Lévis.\n");
  });

  it("detects the charset of raw 8-bit headers and body that declare none (windows-1252)", async () => {
    const view = await viewFixture("raw-8bit-headers.eml");
    expect(view.subject).toBe("Café crème – € 5");
    expect(view.from).toEqual([{ name: "François Müller", address: "francois@example.test" }]);
    expect(view.to).toEqual([{ name: "Jürgen", address: "juergen@example.test" }]);
    expect(visibleText(view)).toBe("Un café crème coûte 5 €.\n");
  });

  it("reads raw 8-bit headers in the charset the message declares for its body (KOI8-R)", async () => {
    const view = await viewFixture("raw-8bit-headers-koi8r.eml");
    expect(view.subject).toBe("Отчёт за июнь");
    expect(view.from[0]).toEqual({ name: "Иван Петров", address: "ivan@example.test" });
    expect(visibleText(view)).toBe("Добрый день! Отчёт во вложении.\n");
  });

  it("fixes bodies whose charset is wrong or missing, part by part", async () => {
    const view = await viewFixture("body-wrong-charset.eml");
    expect(view.subject).toBe("Wrong labels");
    expect(view.from[0].address).toBe("list@example.test");
    expect(visibleText(view).split("\n")).toEqual([
      "Labelled Latin-1, sent as UTF-8: Grüße, 東京, €",
      "Labelled ASCII, sent as Windows-1252: “Voilà” – 5 €",
      "No charset at all: naïve café",
    ]);
    expect(view.problems).toEqual([]);
  });
});

describe("real-world headers", () => {
  it("decodes RFC 2231 continuations and charsets in file names, and raw UTF-8 names", async () => {
    const view = await viewFixture("rfc2231-filenames.eml");
    expect(view.subject).toBe("Attachments with international names");
    expect(view.from[0].address).toBe("files@example.test");
    expect(visibleText(view)).toBe("Three files.");
    expect(files(view)).toEqual([
      ["Grüße aus Köln – Bericht.pdf", "application/pdf", 9],
      ["résumé.txt", "text/plain", 9],
      ["日本語.zip", "application/zip", 22],
    ]);
  });

  it("unfolds very long headers and takes the first of duplicated single headers", async () => {
    const view = await viewFixture("long-duplicate-headers.eml");
    expect(view.subject).toMatch(/^This subject is very long word1 word2 .* word119$/);
    expect(view.subject).not.toMatch(/\s{2}|\n/);
    expect(view.from).toEqual([{ name: "First Sender", address: "first@example.test" }]);
    expect(view.to).toHaveLength(40);
    expect(view.to[39]).toEqual({ name: "Recipient 40", address: "r40@example.test" });
    expect(visibleText(view)).toBe("Headers repeated and folded.\n");
    expect(view.problems).toEqual([]);
  });
});
