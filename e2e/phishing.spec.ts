import { expect, test } from "@playwright/test";
import { DECEPTIVE_LINK, SUBJECTS } from "../mail-lab/seed/corpus.mjs";
import { row, signIn } from "./helpers";

// Issue 8, phishing warnings, on the seeded "Your account is on hold": the bar above the body says
// what the link shows and where it really goes, and the link in the message is marked.

test("a deceptive link is listed above the body and marked in the message, its real target on hover", async ({ page }) => {
  await signIn(page);
  await row(page, SUBJECTS.phishing).click();
  await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.phishing);

  const bar = page.getByTestId("phishing-warnings");
  await expect(bar).toContainText("This message may be a phishing attempt");
  await expect(bar.getByTestId("phishing-text")).toHaveText(DECEPTIVE_LINK.text);
  await expect(bar.getByTestId("phishing-target")).toHaveText(DECEPTIVE_LINK.href);
  await expect(bar).toContainText("Its text names www.examplebank.test, but it opens login.example-secure.test.");
  // the bar shows the target as text: it is no way to open it
  await expect(bar.locator("a")).toHaveCount(0);

  const link = page.frameLocator('[data-testid="html-body"]').getByRole("link", { name: DECEPTIVE_LINK.text });
  await expect(link).toHaveAttribute("data-postern-suspicious", "text-mismatch");
  await expect(link).toHaveAttribute("title", `Suspicious link: it really goes to ${DECEPTIVE_LINK.href}`);
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await link.hover();
  const shown = await link.evaluate((a) => getComputedStyle(a, "::after").content);
  expect(shown).toContain(DECEPTIVE_LINK.href);
});

test("an honest message has no warning bar", async ({ page }) => {
  await signIn(page);
  await row(page, SUBJECTS.newsletter).click();
  await expect(page.getByTestId("message-subject")).toHaveText(SUBJECTS.newsletter);
  await expect(page.frameLocator('[data-testid="html-body"]').locator("body")).toBeVisible();
  await expect(page.getByTestId("phishing-warnings")).toHaveCount(0);
});
