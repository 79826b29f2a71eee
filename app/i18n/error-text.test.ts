import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ERROR_DETAILS } from "@/lib/http/error-details";
import { PosternError } from "@/lib/http/errors";
import { readStoredError, storeError } from "@/lib/http/stored-error";
import { loadMessages } from "@/lib/i18n/load-messages";
import { VCARD_PROBLEMS } from "@/lib/contacts/vcard/vcard-problems";
import { alertView, englishAlertWords } from "@/lib/auth/sign-in-alert";
import { sayError, type RootTranslate } from "./say-error";
import { sayWarning } from "./send-warnings";
import { sayVcardProblem } from "@/app/mail/contacts/say-vcard-problem";

type IntlMessages = Parameters<typeof createTranslator>[0]["messages"];
const translator = (locale: string) => createTranslator({ locale, messages: loadMessages(locale) as IntlMessages }) as unknown as RootTranslate;
const en = translator("en");
const de = translator("de");
const th = translator("th");

/** Values that exercise every branch a lib text has (a role named, none, braces in a name). */
const SAMPLES = [
  { folder: "Gesendet", role: "Sent", parent: "Alt", max: 5000 },
  { folder: "Sent", role: "none", parent: "A {b}", max: 7 },
];

describe("the catalog says what lib says in English", () => {
  it("for every error detail (lib/http/error-details.ts)", () => {
    for (const [key, say] of Object.entries(ERROR_DETAILS)) {
      for (const v of SAMPLES) {
        expect(en(`errorDetails.${key}`, v), key).toBe((say as (v: object) => string)(v));
      }
    }
  });
  it("for every vCard problem (lib/contacts/vcard/vcard-problems.ts)", () => {
    const v = { reason: "bad line", value: "eve@", max: 20, kb: 512, count: 3 };
    for (const [key, say] of Object.entries(VCARD_PROBLEMS)) expect(en(`vcardProblems.${key}`, v), key).toBe((say as (v: object) => string)(v));
  });
  it("for the sign-in alert (lib/auth/sign-in-alert.ts)", () => {
    const view = alertView({ account: "a@example.test", at: new Date(0), userAgent: null, clientIp: null });
    const words = englishAlertWords(view);
    expect(words.subject).toBe(en("signInAlert.subject", { browser: view.browser }));
    expect(words.body.replace(/\n(?=Postern and)/, " ")).toContain(en("signInAlert.ifNot"));
    expect(words.body).toContain(en("signInAlert.intro", { account: view.account }));
  });
});

describe("sayError", () => {
  const e = PosternError.detailed("FORBIDDEN", "folderProtectedDelete", { folder: "Gesendet", role: "Sent" });
  it("says the thrower's message in English, the detail in other languages", () => {
    expect(sayError("en", en, e)).toBe("“Gesendet” (your Sent folder) cannot be deleted.");
    expect(sayError("de", de, e)).toBe("„Gesendet“ (Ihr Ordner mit der Rolle Sent) kann nicht gelöscht werden.");
    expect(sayError("th", th, e)).toContain("ลบ “Gesendet”");
  });
  it("falls back to the code's text, then to the stored text", () => {
    expect(sayError("de", de, new PosternError("POP3_AUTH_FAILED", "The POP3 server said: no"))).toBe(de("errors.POP3_AUTH_FAILED"));
    expect(sayError("de", de, readStoredError("An old English text"))).toBe("An old English text");
    expect(sayError("de", de, readStoredError(storeError(e)))).toContain("kann nicht gelöscht werden");
    expect(sayError("de", de, { code: "NOT_A_CODE", message: "what the server said" })).toBe("what the server said");
  });
});

describe("sayWarning", () => {
  it("says a keyed warning with its reason, and an old stored text as it is", () => {
    const reason = { code: "NOT_FOUND", message: "Your mail account has no Sent folder." };
    expect(sayWarning("en", en, { key: "noSentCopy", values: {}, error: reason, text: "x" })).toBe("The message was sent, but no copy could be saved in Sent: Your mail account has no Sent folder.");
    expect(sayWarning("en", en, { key: "draftNotRemoved", values: {}, text: "x" })).toBe("The message was sent, but its draft could not be removed from Drafts.");
    expect(sayWarning("de", de, { key: "noSentCopy", values: {}, error: reason, text: "x" })).toBe(`Die Nachricht wurde gesendet, aber in „Gesendet“ konnte keine Kopie gespeichert werden: ${de("errors.NOT_FOUND")}`);
    expect(sayWarning("de", de, { key: "notDelivered", values: { recipients: "x@example.test: unknown user" }, text: "x" })).toBe("Die Nachricht wurde nicht zugestellt an x@example.test: unknown user.");
    expect(sayWarning("de", de, "The message was sent, but no copy could be saved in Sent.")).toBe("The message was sent, but no copy could be saved in Sent.");
  });
});

describe("sayVcardProblem", () => {
  it("names entry, name and line in the reader's language", () => {
    const p = { entry: 2, name: "Bad Entry", line: 9, key: "badEmail" as const, values: { value: "eve@" }, message: "“eve@” is not an email address" };
    expect(sayVcardProblem("en", en, p)).toBe("Entry 2 (“Bad Entry”), line 9: “eve@” is not an email address");
    expect(sayVcardProblem("de", de, p)).toBe("Eintrag 2 („Bad Entry“), Zeile 9: „eve@“ ist keine E-Mail-Adresse");
    expect(sayVcardProblem("de", de, { line: 1, key: "textOutside", values: {}, message: "" })).toBe("Zeile 1: Text außerhalb einer vCard (übersprungen)");
  });
});
