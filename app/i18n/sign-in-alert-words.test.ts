import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { alertView, buildSignInAlert, englishAlertWords } from "@/lib/auth/sign-in-alert";
import { setSetting } from "@/lib/settings/account-settings";
import { uiLanguage } from "@/lib/settings/appearance-settings";
import { sayAlertFor } from "./sign-in-alert-words";

useTempDatabase("sign-in-alert-words");

const facts = { account: "", at: new Date("2026-12-06T10:00:00Z"), userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36", clientIp: "203.0.113.7" };
const view = (account: string) => alertView({ ...facts, account });

describe("the sign-in alert's language", () => {
  it("is the account's chosen language, whatever the signing browser asks for", async () => {
    await setSetting("thai@example.test", uiLanguage, "th");
    const words = await sayAlertFor("de-DE,de;q=0.9")(view("thai@example.test"));
    expect(words.subject).toBe("มีการลงชื่อเข้าใช้ Postern ใหม่ (Chrome บน Linux)");
    expect(words.body).toContain("203.0.113.7");
  });
  it("is the signing browser's when the account chose none, and English word for word", async () => {
    const de = await sayAlertFor("de-AT")(view("auto@example.test"));
    expect(de.subject).toBe("Neue Anmeldung bei Postern (Chrome unter Linux)");
    expect(de.body).toContain("Browser: Chrome unter Linux");
    expect(de.body).toContain("Wann: Sonntag, 6. Dezember 2026 um 10:00:00 UTC");
    expect(await sayAlertFor("fr, en;q=0.5")(view("auto@example.test"))).toEqual(englishAlertWords(view("auto@example.test")));
    // and it goes out as UTF-8
    expect(buildSignInAlert({ ...facts, account: "auto@example.test" }, de)).toContain("charset=utf-8");
  });
});
