import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ManageSieveClient } from "../lib/sieve/managesieve-client";
import { ALICE, row, signIn } from "./helpers";
import { uidsBySubject } from "../tests/fixtures/mailbox-by-subject";
import { removeBySubject, withLabImap } from "./lab-imap";
import { BOB, sendAs } from "./lab-smtp";

const TAG = crypto.randomBytes(4).toString("hex");

test.afterAll(async () => {
  // Other journeys expect plain delivery to INBOX: no script may stay active.
  const sieve = await ManageSieveClient.connect({
    host: "127.0.0.1",
    port: Number(process.env.LAB_SIEVE_PORT ?? 4190),
    security: "starttls",
    tls: { rejectUnauthorized: true, ca: fs.readFileSync(path.join(import.meta.dirname, "../data/lab/ssl/cert.pem")) },
    user: ALICE.email,
    pass: ALICE.password,
  });
  await sieve.setActive("");
  for (const s of await sieve.listScripts()) await sieve.deleteScript(s.name);
  await sieve.logout();
  await removeBySubject(ALICE, ["INBOX", "Archive"], TAG);
});

test("a rule made in the editor moves bob's next message", async ({ page }) => {
  await signIn(page);
  await page.goto("/mail/filters");
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule = page.getByRole("group", { name: "Rule 1" });
  await rule.getByLabel("Rule name").fill("Sorted mail");
  await rule.getByLabel("Condition field").selectOption("subject");
  await rule.getByLabel("Condition value").fill(`Sorted ${TAG}`);
  await rule.getByLabel("Action").selectOption("move");
  await rule.getByLabel("Folder").selectOption("Archive");
  await page.getByRole("button", { name: "Save filters" }).click();
  await expect(page.getByTestId("filters-status")).toHaveText(/Filters saved/);
  await expect(page.getByTestId("postern-script")).toContainText(`header :contains "subject" "Sorted ${TAG}"`);

  // Watch Archive: the filed message shows up there by itself.
  await page.goto("/mail?folder=Archive");
  await expect(page.getByTestId("live-updates")).toHaveAttribute("data-state", "watching");
  await sendAs(BOB, { to: ALICE.email, subject: `Sorted ${TAG}` });
  await expect(row(page, `Sorted ${TAG}`)).toBeVisible();
  const inInbox = await withLabImap(ALICE, (imap) => uidsBySubject(imap, "INBOX", TAG));
  expect(inInbox).toEqual([]);

  // The rule can be switched off and is kept, off, after saving.
  await page.goto("/mail/filters");
  await page.getByRole("group", { name: "Rule 1" }).getByLabel("Enabled").uncheck();
  await page.getByRole("button", { name: "Save filters" }).click();
  await expect(page.getByTestId("filters-status")).toHaveText(/Filters saved/);
  await page.reload();
  await expect(page.getByRole("group", { name: "Rule 1" }).getByLabel("Enabled")).not.toBeChecked();
  await expect(page.getByTestId("postern-script")).toContainText("# Rule 1: Sorted mail (disabled)");
});

test("“Create filter” on an open message starts a rule from its sender and subject", async ({ page }) => {
  await signIn(page);
  await page.getByTestId("message-row").first().click();
  const subject = await page.getByTestId("message-subject").textContent();
  await page.getByRole("link", { name: "Create filter" }).click();
  await expect(page).toHaveURL(/\/mail\/filters\?/);
  const rule = page.getByRole("group", { name: /^Rule / }).last();
  await expect(rule.getByLabel("Condition value").first()).toHaveValue(/@/);
  await expect(rule.getByLabel("Condition value").nth(1)).toHaveValue(subject ?? "");
});
