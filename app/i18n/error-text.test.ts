import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ERROR_DETAILS, REFUSAL_CAUSES } from "@/lib/http/error-details";
import { PosternError } from "@/lib/http/errors";
import { readStoredError, storeError } from "@/lib/http/stored-error";
import { loadMessages } from "@/lib/i18n/load-messages";
import { VCARD_PROBLEMS } from "@/lib/contacts/vcard/vcard-problems";
import { alertView, englishAlertWords } from "@/lib/auth/sign-in-alert";
import { sayError, type RootTranslate } from "./say-error";
import { sayWarning } from "./send-warnings";
import { sayVcardProblem } from "@/app/mail/contacts/say-vcard-problem";
import { notDeliveredWarning } from "@/lib/smtp/send-message";
import { listRejections, toSendError } from "@/lib/smtp/smtp-error";

type IntlMessages = Parameters<typeof createTranslator>[0]["messages"];
const translator = (locale: string) => createTranslator({ locale, messages: loadMessages(locale) as IntlMessages }) as unknown as RootTranslate;
const en = translator("en");
const de = translator("de");
const th = translator("th");

/** Values that exercise every branch a lib text has (a role named, none, braces in a name). */
const SAMPLES = [
  { folder: "Gesendet", role: "Sent", parent: "Alt", max: 5000, recipient: "a@example.test", cause: "unknownUser", reply: "550 5.1.1 <a@example.test>: {odd} 'quoted'", count: 1, first: "a@example.test", more: 0, limit: 1, list: "a; b" },
  { folder: "Sent", role: "none", parent: "A {b}", max: 7, recipient: "b@example.test", cause: "somethingNew", reply: "none", count: 1234, first: "x, y, z", more: 1231, limit: 0, list: "x" },
  { folder: "S", role: "none", parent: "P", max: 1, recipient: "c@example.test", cause: "mailboxFull", reply: "452 4.2.2 full", count: 2, first: "x, y", more: 0, limit: 3000, list: "y" },
];

describe("the catalog says what lib says in English", () => {
  it("for every error detail (lib/http/error-details.ts)", () => {
    for (const [key, say] of Object.entries(ERROR_DETAILS)) {
      for (const v of SAMPLES) {
        expect(en(`errorDetails.${key}`, v), key).toBe((say as (v: object) => string)(v));
      }
    }
  });
  it("for every reason a recipient is refused", () => {
    for (const cause of Object.keys(REFUSAL_CAUSES)) {
      const v = { recipient: "a@example.test", cause, reply: "550 no" };
      expect(en("errorDetails.recipientRefused", v), cause).toBe(ERROR_DETAILS.recipientRefused(v));
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
    expect(sayWarning("de", de, { key: "notDelivered", values: { recipients: "x@example.test: unknown user" }, text: "x" })).toBe("Die Nachricht wurde folgenden Empfängern nicht zugestellt: x@example.test: unknown user.");
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

describe("refused recipients and the mail server's replies", () => {
  const unknown = "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown in virtual mailbox table";
  const refused = toSendError({
    code: "EENVELOPE",
    command: "RCPT TO",
    responseCode: 550,
    rejectedErrors: [
      { recipient: "nobody@example.test", responseCode: 550, response: unknown },
      { recipient: "full@example.test", responseCode: 552, response: "552 5.2.2 Mailbox full" },
    ],
  });
  // as the outbox keeps it and the browser gets it: JSON
  const stored = readStoredError(storeError(refused));

  it("names each refused address, why, and the server's words, in every language", () => {
    expect(sayError("en", en, stored)).toBe(
      `The message was not sent. The mail server refused nobody@example.test: unknown user (no such mailbox) (the server said: “${unknown}”); full@example.test: the recipient's mailbox is full (the server said: “552 5.2.2 Mailbox full”).`,
    );
    expect(sayError("de", de, stored)).toBe(
      `Die Nachricht wurde nicht gesendet. Der Mailserver hat folgende Empfänger abgelehnt: nobody@example.test: unbekannter Empfänger (dieses Postfach gibt es nicht) (Antwort des Servers: „${unknown}“); full@example.test: das Postfach des Empfängers ist voll (Antwort des Servers: „552 5.2.2 Mailbox full“).`,
    );
    const thai = sayError("th", th, stored);
    expect(thai).toContain("เมลเซิร์ฟเวอร์ปฏิเสธผู้รับ");
    expect(thai).toContain(`nobody@example.test: ไม่มีผู้ใช้นี้`);
    expect(thai).toContain(`(เซิร์ฟเวอร์ตอบว่า “${unknown}”)`);
    expect(thai).toContain("full@example.test: กล่องจดหมายของผู้รับเต็ม");
  });

  it("counts recipients past the server's limit, with plurals, in the warning after a partly accepted send", () => {
    const over = Array.from({ length: 5 }, (_, i) => ({ recipient: `r${i}@example.test`, responseCode: 452, response: "452 4.5.3 Error: too many recipients" }));
    const w = notDeliveredWarning(listRejections(over), 6);
    expect(Object.values(w.values).every((v) => typeof v === "string" || typeof v === "number")).toBe(true);
    expect(sayWarning("en", en, w)).toBe(w.text);
    expect(w.text).toBe(
      "The message was not delivered to 5 recipients (r0@example.test, r1@example.test, r2@example.test, …): the mail server takes at most 1 recipient per message; send it to them in another message.",
    );
    expect(sayWarning("de", de, w)).toBe(
      "Die Nachricht wurde folgenden Empfängern nicht zugestellt: 5 Empfänger (r0@example.test, r1@example.test, r2@example.test, …): Der Mailserver nimmt höchstens 1 Empfänger pro Nachricht an; senden Sie die Nachricht an diese Empfänger noch einmal gesondert.",
    );
    expect(sayWarning("th", th, w)).toContain("ผู้รับ 5 ราย (r0@example.test, r1@example.test, r2@example.test, …): เมลเซิร์ฟเวอร์รับผู้รับได้ไม่เกิน 1 รายต่อข้อความ");
    const stillSays = JSON.parse(JSON.stringify(w)) as typeof w;
    expect(sayWarning("de", de, stillSays)).toBe(sayWarning("de", de, w));
  });

  it("says a refusal kept by an outbox row from before causes were stored", () => {
    const old = notDeliveredWarning([{ recipient: "x@example.test", reason: "unknown user (no such mailbox) (550)" }], 2);
    expect(sayWarning("de", de, old)).toBe("Die Nachricht wurde folgenden Empfängern nicht zugestellt: x@example.test: unbekannter Empfänger (dieses Postfach gibt es nicht).");
  });

  it("keeps the server's reply to a refused message, inside the reader's sentence", () => {
    const e = readStoredError(storeError(toSendError({ code: "EMESSAGE", responseCode: 554, response: "554 5.7.1 Spam message rejected" })));
    expect(sayError("de", de, e)).toBe("Die Nachricht wurde nicht gesendet: Der Mailserver hat sie abgelehnt. Antwort des Servers: „554 5.7.1 Spam message rejected“.");
    expect(sayError("th", th, e)).toBe("ส่งข้อความไม่สำเร็จ เมลเซิร์ฟเวอร์ปฏิเสธข้อความนี้ เซิร์ฟเวอร์ตอบว่า “554 5.7.1 Spam message rejected”");
    expect(sayError("de", de, toSendError({ code: "EAUTH", responseCode: 535, response: "535 5.7.8 Error: authentication failed" }))).toContain("(Authentifizierung fehlgeschlagen). Antwort des Servers: „535 5.7.8");
    expect(sayError("de", de, toSendError({ code: "ESOCKET", message: "connect ECONNREFUSED" }))).toBe(
      "Die Nachricht wurde nicht gesendet: Der Mailserver für den Versand ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
    );
  });

  it("falls back to the code's text when a stored list names a part the catalog does not have", () => {
    const e = { code: "RECIPIENT_REJECTED", message: "x", detail: { key: "recipientsRefused", values: { parts: 1, part0: "gone" } } };
    expect(sayError("de", de, e)).toBe(de("errors.RECIPIENT_REJECTED"));
  });
});
