import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { addBobOnly, BOB_LABEL, removeAllAccounts } from "./other-accounts";

// Issue 22: an added account has its own identities and settings. Alice gives bob's mailbox (added
// to hers) a name and signature and has it write rich text; writing there uses them, while her
// own mailbox keeps plain text and no signature.
const tag = `${Date.now()}`;

test("an added account's identity, signature and writing format are its own", async ({ page }) => {
  await signIn(page);
  await addBobOnly(page);

  const account = page.getByTestId("mail-account").filter({ hasText: BOB_LABEL });
  await account.getByTestId("mailbox-settings").getByLabel("Writing").selectOption({ label: "Rich text" });
  await account.getByTestId("mailbox-settings").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("accounts-notice")).toHaveText("Settings of the account saved.");
  await expect(account.getByTestId("mailbox-settings").getByLabel("Writing")).toHaveValue("html");

  await account.getByRole("link", { name: "Identities and signatures" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Identities of ${BOB_LABEL}`);
  const add = page.getByRole("region", { name: "Add an identity" });
  await add.getByLabel("Name").fill(`Bob at work ${tag}`);
  await add.getByLabel("Email address").fill("bob@example.test");
  await add.getByLabel(/^Signature/).fill(`Bob\nWork desk ${tag}`);
  await add.getByRole("button", { name: "Add identity" }).click();
  await expect(page.getByTestId("identity-notice")).toHaveText(`Saved “Bob at work ${tag} <bob@example.test>”.`);
  await expect(page).toHaveURL(/account=/);
  await expect(page.getByTestId("identity")).toHaveCount(1);

  // writing in bob's mailbox: his identity, his signature, rich text
  await page.goto("/mail");
  await page.getByTestId("account-switcher").getByRole("link", { name: BOB_LABEL }).click();
  await expect(page.getByTestId("current-account")).toHaveText(BOB_LABEL);
  await page.getByTestId("compose").click();
  await expect(page).toHaveURL(/\/mail\/compose\?.*account=/);
  await expect(page.getByTestId("current-account")).toHaveText(BOB_LABEL);
  await expect(page.getByLabel("From").locator("option:checked")).toHaveText(`Bob at work ${tag} <bob@example.test>`);
  await expect(page.getByRole("button", { name: "Rich text" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("rich-editor")).toContainText(`Work desk ${tag}`);

  // her own mailbox: none of it
  await page.goto("/mail/compose");
  await expect(page.getByLabel("Message", { exact: true })).not.toHaveValue(new RegExp(tag));
  await expect(page.getByRole("button", { name: "Rich text" })).toHaveAttribute("aria-pressed", "false");
  await page.goto("/mail/identities");
  await expect(page.getByText(`Bob at work ${tag}`)).toHaveCount(0);

  await removeAllAccounts(page);
});
