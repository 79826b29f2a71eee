import crypto from "node:crypto";
import { simpleParser } from "mailparser";
import { expect, test } from "@playwright/test";
import { removeIdentities, signIn } from "./helpers";
import { fetchBySubject } from "../tests/fixtures/mailbox-by-subject";
import { removeBySubject, withLabImap } from "./lab-imap";

// Issue 23, "anyone can send as anyone": carol adds an identity with an address that is not hers;
// it shows as unverified and is not offered as From until she opens the link mailed to that
// address (in the lab, any address outside example.test lands in the sink mailbox) and confirms.
const CAROL = { email: "carol@example.test", password: "carol-pass" };
const SINK = { email: "sink@example.test", password: "sink-pass" };
const TAG = crypto.randomBytes(3).toString("hex");
const ALIAS = `carol-${TAG}@elsewhere.test`;
const SUBJECT = "Confirm this address for sending from Postern";

/** The confirmation link mailed to ALIAS, once it has arrived (polled, bounded). */
async function confirmationLink(): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const sources = await withLabImap(SINK, async (imap) => (await fetchBySubject(imap, "INBOX", SUBJECT)).map((m) => m.source));
        for (const source of sources) {
          const mail = await simpleParser(source);
          if (mail.to && "value" in mail.to && mail.to.value[0]?.address === ALIAS) link = /https?:\/\/\S+\/mail\/identities\/verify\?token=\S+/.exec(mail.text ?? "")?.[0] ?? "";
        }
        return link;
      },
      { timeout: 20_000 },
    )
    .toMatch(/token=/);
  return link;
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, CAROL);
  await removeIdentities(page);
  await page.close();
  await removeBySubject(SINK, ["INBOX"], SUBJECT);
});

test("an identity with another address is unverified until its owner confirms the mailed link", async ({ page }) => {
  await signIn(page, CAROL);
  await page.goto("/mail/identities");
  const add = page.getByRole("region", { name: "Add an identity" });
  await add.getByLabel("Name").fill("Carol Elsewhere");
  await add.getByLabel("Email address").fill(ALIAS);
  await add.getByRole("button", { name: "Add identity" }).click();
  await expect(page.getByTestId("identity-notice")).toContainText(`A confirmation link was mailed to ${ALIAS}`);
  const identity = page.getByTestId("identity").filter({ hasText: ALIAS });
  await expect(identity.getByTestId("identity-unverified")).toBeVisible();

  // Not offered as From: carol can only send as herself.
  await page.goto("/mail/compose");
  await expect(page.getByLabel("From").locator("option")).toHaveText([CAROL.email]);

  // The link, opened in carol's signed-in browser, asks before it confirms.
  await page.goto(await confirmationLink());
  await expect(page.getByTestId("identity-verify")).toContainText(`Send mail as ${ALIAS} from ${CAROL.email}?`);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("identity-notice")).toHaveText(`Confirmed: you can now send as ${ALIAS}.`);
  await expect(identity.getByTestId("identity-unverified")).toHaveCount(0);

  await page.goto("/mail/compose");
  await expect(page.getByLabel("From")).toHaveValue(/.+/);
  await expect(page.getByLabel("From").locator("option")).toHaveText([`Carol Elsewhere <${ALIAS}>`]);
});
