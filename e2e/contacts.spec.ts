import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 22, the address book, as alice would use it. Names carry a per-run tag, so a rerun on the
// same database finds its own entries.
const TAG = Date.now().toString(36);
const SENT_TIMEOUT = 30_000;
const ZOE = `Zoë Adebayo ${TAG}`;
const COLLECTED = `collected-${TAG}@faraway.example`;
const TEAM = `Team ${TAG}`;

/** The composer's To field, typed into key by key as a person types. */
async function typeInTo(page: Page, text: string) {
  const to = page.getByLabel("To", { exact: true });
  await to.fill("");
  await to.pressSequentially(text, { delay: 30 });
  return to;
}

test("address book: add, promote a collected address, group, autocomplete, import with a bad entry, export", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);

  // a message sent makes its recipient a collected address
  await page.goto("/mail/compose");
  await page.getByLabel("To", { exact: true }).fill(`Faraway Friend ${TAG} <${COLLECTED}>`);
  await page.getByLabel("Subject").fill(`Hello ${TAG}`);
  await page.getByLabel("Message", { exact: true }).fill("Hi!");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/notice=notices\.messageSent/, { timeout: SENT_TIMEOUT });

  await page.getByTestId("contacts-link").click();
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();

  // promote it in one click
  await page.getByRole("button", { name: `Add ${COLLECTED} to contacts` }).click();
  await expect(page.getByTestId("contacts-notice")).toHaveText(`${COLLECTED} is now a contact.`);
  await expect(page.getByTestId("contact-form").getByLabel("Name")).toHaveValue(`Faraway Friend ${TAG}`);
  await expect(page.getByRole("button", { name: `Add ${COLLECTED} to contacts` })).toHaveCount(0);

  // a contact with two addresses and a phone
  await page.getByTestId("new-contact").click();
  const form = page.getByTestId("contact-form");
  await form.getByLabel("Name").fill(ZOE);
  await form.getByLabel("Organisation").fill("Acme");
  await form.getByLabel("Email 1", { exact: true }).fill(`zoe-${TAG}@work.example`);
  await form.getByLabel("Email 1 label").fill("work");
  await form.getByLabel("Email 2", { exact: true }).fill(`zoe-${TAG}@home.example`);
  await form.getByLabel("Phone 1", { exact: true }).fill("+44 20 7946 0000");
  await form.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByTestId("contacts-notice")).toHaveText(`Added “${ZOE}”.`);
  await expect(form.getByLabel("Email 2", { exact: true })).toHaveValue(`zoe-${TAG}@home.example`);

  // search ignores case beyond ASCII
  await page.getByLabel("Search contacts").fill(`ZOË ADEBAYO ${TAG.toUpperCase()}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("contact-entry")).toHaveCount(1);
  await expect(page.getByTestId("contact-entry")).toContainText(ZOE);

  // a group of the two
  await page.goto("/mail/contacts?new=group");
  await form.getByLabel("Name").fill(TEAM);
  await form.getByRole("checkbox", { name: ZOE }).check();
  await form.getByRole("checkbox", { name: `Faraway Friend ${TAG}` }).check();
  await form.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByTestId("contacts-notice")).toHaveText(`Added “${TEAM}”.`);
  await expect(page.getByTestId("contact-entry").filter({ hasText: TEAM })).toContainText("2 members");

  // the composer suggests the contact, and a group becomes its members
  await page.goto("/mail/compose");
  let to = await typeInTo(page, `zoë ade`);
  await page.getByRole("option", { name: `"${ZOE}" <zoe-${TAG}@work.example>` }).or(page.getByRole("option", { name: `${ZOE} <zoe-${TAG}@work.example>` })).click();
  await expect(to).toHaveValue(new RegExp(`zoe-${TAG}@work\\.example>, $`));
  to = await typeInTo(page, `team ${TAG}`);
  await page.getByRole("option", { name: `${TEAM} (group: 2 addresses)` }).click();
  await expect(to).toHaveValue(new RegExp(`${COLLECTED.replace(/\./g, "\\.")}`));
  await expect(to).toHaveValue(new RegExp(`zoe-${TAG}@work\\.example`));

  // import a file with one bad entry: the others arrive, the bad one is named with its line
  await page.goto("/mail/contacts");
  const vcf = [
    "BEGIN:VCARD", "VERSION:3.0", `FN:Imported One ${TAG}`, `EMAIL:one-${TAG}@example.org`, "END:VCARD",
    "BEGIN:VCARD", "VERSION:4.0", `FN:Bad Entry ${TAG}`, "THIS IS NOT A VCARD LINE", "END:VCARD",
    "BEGIN:VCARD", "VERSION:4.0", `FN:Imported Two ${TAG}`, `EMAIL:two-${TAG}@example.org`, "END:VCARD",
  ].join("\r\n");
  await page.getByLabel("vCard file", { exact: true }).setInputFiles({ name: "friends.vcf", mimeType: "text/vcard", buffer: Buffer.from(vcf) });
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Imported 2 new, updated 0; 1 could not be imported:");
  await expect(page.getByTestId("import-problems")).toContainText(`Entry 2 (“Bad Entry ${TAG}”), line 9:`);
  await page.goto(`/mail/contacts?q=imported ${TAG}`);
  await expect(page.getByTestId("contact-entry")).toHaveCount(2);

  // export everything as a .vcf
  await page.goto("/mail/contacts");
  const download = page.waitForEvent("download");
  await page.getByTestId("export-all").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("contacts.vcf");
  const text = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
  expect(text).toContain(`FN:${ZOE}`);
  expect(text).toContain(`EMAIL;TYPE=work:zoe-${TAG}@work.example`);
  expect(text).toContain("KIND:group");
});

test.describe("on a phone, in dark mode", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, colorScheme: "dark" });

  test("the address book fits the screen and is dark", async ({ page }) => {
    await signIn(page);
    for (const path of ["/mail/contacts", "/mail/contacts?new=individual", "/mail/contacts?new=group"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    const bg = await page.locator("main section").first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const channels = (bg.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    expect(Math.max(...channels)).toBeLessThan(60); // a dark panel
  });
});

test("CardDAV: connect an address book on the lab's Radicale and see both sides synced", async ({ page }) => {
  test.setTimeout(120_000);
  const port = Number(process.env.LAB_RADICALE_PORT ?? 3232);
  const auth = { authorization: `Basic ${Buffer.from("alice@example.test:alice-pass").toString("base64")}` };
  const path = `/alice%40example.test/e2e-${TAG}/`;
  // the server side, set up directly: a fresh address book holding one card
  const made = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "MKCOL",
    headers: { ...auth, "content-type": "application/xml" },
    body: '<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>',
  });
  expect(made.status).toBe(201);
  const put = await fetch(`http://127.0.0.1:${port}${path}server-${TAG}.vcf`, {
    method: "PUT",
    headers: { ...auth, "content-type": "text/vcard" },
    body: `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:server-${TAG}\r\nFN:Server Person ${TAG}\r\nN:;Server Person;;;\r\nEMAIL:server-${TAG}@example.org\r\nEND:VCARD\r\n`,
  });
  expect(put.status).toBe(201);

  await signIn(page);
  await page.goto("/mail/contacts");
  const section = page.getByTestId("carddav");
  await section.getByLabel("Address book URL").fill(`http://localhost:${port}${path}`);
  await section.getByLabel("User name").fill("alice@example.test");
  await section.getByLabel("Password").fill("alice-pass");
  await section.getByRole("button", { name: "Connect and sync" }).click();
  await expect(page.getByTestId("contacts-notice")).toContainText(/Connected\. Synced: 1 received, \d+ sent/);
  await expect(page.getByTestId("carddav-status")).toContainText(`localhost:${port}${path}`);
  await page.goto(`/mail/contacts?q=server person ${TAG}`);
  await expect(page.getByTestId("contact-entry")).toHaveCount(1);

  // alice's other contacts are now on the server too
  const report = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "REPORT",
    headers: { ...auth, depth: "1", "content-type": "application/xml" },
    body: '<?xml version="1.0"?><CR:addressbook-query xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/></D:prop></CR:addressbook-query>',
  }).then((r) => r.text());
  expect((report.match(/<(?:D:)?response>/gi) ?? []).length).toBeGreaterThan(1);

  // stop syncing: the contacts stay
  await page.goto("/mail/contacts");
  await section.getByRole("button", { name: "Stop syncing" }).click();
  await expect(page.getByTestId("contacts-notice")).toHaveText("The address book is no longer synced. Your contacts stay here.");
});
