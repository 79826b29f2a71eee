import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { row, signIn } from "./helpers";
import { withLabImap } from "./lab-imap";

// Issue 10 in the browser: a winmail.dat is unpacked into files that download with their real
// bytes, and a forwarded message/rfc822 is shown as a message inside the message. The messages go
// into carol's INBOX (alice's seeded corpus is counted by other specs).

const CAROL = { email: "carol@example.test", password: "carol-pass" };
const FIXTURES = path.join(import.meta.dirname, "../tests/fixtures/mime");
const MESSAGES = ["tnef-winmail.eml", "forwarded-rfc822.eml", "tnef-rtf-html.eml", "smime-opaque-signed.eml", "inline-and-attached-rfc822.eml"];
const TNEF_SUBJECT = "Quarterly report (Outlook rich text)";
const FORWARD_SUBJECT = "Fwd: Budget 2026";
const RTF_SUBJECT = "Zahlen Q2 (Outlook RTF)";
const SMIME_SUBJECT = "Vertrag (S/MIME, opaque)";
const INLINE_SUBJECT = "Two forwards and a file";

test.describe("real-world MIME in the message view", () => {
  test.beforeAll(async () => {
    await withLabImap(CAROL, async (client) => {
      const lock = await client.getMailboxLock("INBOX");
      try {
        // earlier runs' copies go first, so each subject is in the list once
        for (const subject of [TNEF_SUBJECT, FORWARD_SUBJECT, RTF_SUBJECT, SMIME_SUBJECT, INLINE_SUBJECT]) {
          const uids = await client.search({ subject }, { uid: true });
          if (uids && uids.length) await client.messageDelete(uids, { uid: true });
        }
      } finally {
        lock.release();
      }
      for (const name of MESSAGES) await client.append("INBOX", fs.readFileSync(path.join(FIXTURES, name)));
    });
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, CAROL);
  });

  test("a winmail.dat shows its real files, and one downloads with its exact bytes", async ({ page }) => {
    await row(page, TNEF_SUBJECT).click();
    await expect(page.getByTestId("message-subject")).toHaveText(TNEF_SUBJECT);
    await expect(page.getByTestId("text-body")).toContainText("the report and my notes are attached");
    const links = page.getByTestId("attachment-link");
    await expect(links).toHaveText(["Quarterly report Q2 – final.pdf", "Meeting notes.txt"]);
    await expect(page.getByText("winmail.dat")).toHaveCount(0);

    const [download] = await Promise.all([page.waitForEvent("download"), links.filter({ hasText: "Meeting notes.txt" }).click()]);
    expect(download.suggestedFilename()).toBe("Meeting notes.txt");
    const saved = fs.readFileSync(await download.path());
    expect(saved.toString("utf8")).toBe("Quarterly numbers: revenue up 12 %, costs down 3 %.\nGrüße aus Köln\n");

    const [pdf] = await Promise.all([page.waitForEvent("download"), links.filter({ hasText: "Quarterly report" }).click()]);
    expect(pdf.suggestedFilename()).toBe("Quarterly report Q2 – final.pdf");
    expect(fs.readFileSync(await pdf.path()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
  });

  test("a forwarded message/rfc822 is shown inline with its headers, body and attachment", async ({ page }) => {
    await row(page, FORWARD_SUBJECT).click();
    await expect(page.getByTestId("message-subject")).toHaveText(FORWARD_SUBJECT);
    await expect(page.getByTestId("text-body").first()).toContainText("See the message from Alice below.");
    const attached = page.getByTestId("attached-message");
    await expect(attached).toHaveCount(1);
    await expect(attached.getByTestId("attached-subject")).toHaveText("Budget 2026");
    await expect(attached).toContainText("Alice Example <alice@example.test>");
    const body = attached.frameLocator('[data-testid="html-body"]');
    await expect(body.getByText("Please review by Friday.")).toBeVisible();
    // the forwarded message's own attachment downloads through its IMAP part number (2.2)
    const pdfLink = attached.getByTestId("attachment-link").filter({ hasText: "budget-2026.pdf" });
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    expect(fs.readFileSync(await download.path()).toString("latin1")).toBe("%PDF-1.4\n%forwarded\n");
  });

  test("a winmail.dat whose only body is compressed RTF shows that body, sanitized, and its file", async ({ page }) => {
    await row(page, RTF_SUBJECT).click();
    await expect(page.getByTestId("message-subject")).toHaveText(RTF_SUBJECT);
    const body = page.frameLocator('[data-testid="html-body"]');
    await expect(body.getByText("die Zahlen für")).toBeVisible();
    await expect(body.locator("b")).toHaveText("Köln");
    await expect(body.locator("script")).toHaveCount(0);
    await expect(page.getByTestId("attachment-link")).toHaveText(["Agenda Köln.txt"]);
    await expect(page.getByText("winmail.dat")).toHaveCount(0);
  });

  test("an S/MIME signed-data message shows its content, the signer, and its file downloads", async ({ page }) => {
    await row(page, SMIME_SUBJECT).click();
    await expect(page.getByTestId("message-subject")).toHaveText(SMIME_SUBJECT);
    await expect(page.getByTestId("text-body")).toContainText("der unterschriebene Vertrag für Köln kommt morgen per Post.");
    const marker = page.getByTestId("signed-marker");
    await expect(marker).toContainText("Signed (S/MIME). The signature has not been verified.");
    await expect(marker.getByTestId("signer")).toContainText("CN=Sophie Signer, O=Postern Test");
    const link = page.getByTestId("attachment-link");
    await expect(link).toHaveText(["checklist.txt"]);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("checklist.txt");
    expect(fs.readFileSync(await download.path()).toString("utf8")).toBe("1. Vertrag lesen\n2. Unterschreiben\n3. Zurückschicken\n");
  });

  test("inline forwarded messages are read in place, in order, beside an attached one", async ({ page }) => {
    await row(page, INLINE_SUBJECT).click();
    await expect(page.getByTestId("message-subject")).toHaveText(INLINE_SUBJECT);
    await expect(page.getByTestId("text-body").first()).toHaveText("Both messages below, and the old one attached.");
    // the closing text stands after the two inline messages, as the sender put it
    const closing = page.getByText("Talk soon, Bob");
    await expect(closing).toBeVisible();
    const secondCard = page.getByTestId("attached-message").filter({ hasText: "Second question" });
    const [cardBox, closingBox] = [await secondCard.boundingBox(), await closing.boundingBox()];
    expect(closingBox!.y).toBeGreaterThan(cardBox!.y);
    const cards = page.getByTestId("attached-message");
    // inline ones in the reading flow, the attached one after it
    await expect(cards.getByTestId("attached-subject")).toHaveText(["First question", "Second question", "Old thread"]);
    await expect(cards.nth(0)).toHaveAttribute("data-inline", "true");
    await expect(cards.nth(2)).not.toHaveAttribute("data-inline", "true");
    await expect(cards.nth(0).getByTestId("text-body")).toHaveText("Can we meet on Friday?");
    await expect(cards.nth(1)).toContainText("Frida <frida@elsewhere.test>");
    // only the attached one is in the message's own list of files
    await expect(page.getByRole("list", { name: "Attachments" }).first().getByTestId("attachment-link")).toHaveText(["old.eml"]);
    const agenda = cards.nth(1).getByTestId("attachment-link");
    const [download] = await Promise.all([page.waitForEvent("download"), agenda.click()]);
    expect(fs.readFileSync(await download.path()).toString("utf8")).toBe("1. Budget");
    // an inline message downloads under the name shown, as the message itself (issue 18)
    const inline = cards.nth(0).getByTestId("attached-download");
    const shown = (await inline.textContent())!.replace(/^Download /, "");
    const [eml] = await Promise.all([page.waitForEvent("download"), inline.click()]);
    expect(eml.suggestedFilename()).toBe(shown);
    expect(fs.readFileSync(await eml.path()).toString("utf8")).toContain("Subject: First question");
  });
});
