import { expect, test, type Locator, type Page } from "@playwright/test";
import { type CanaryServer, startCanary } from "./canary-server";
import { signIn } from "./helpers";
import { withLabImap } from "./lab-imap";

// Issue 8: cross-site request forgery. A hostile page on another port of the same host is
// *same-site* with Postern, so the browser sends Postern's session cookie along with its forms
// and fetches: only Postern's own checks (Origin, the x-postern-request header that neither
// a form nor a no-cors fetch can carry, and the session's CSRF token that only Postern's pages
// hold) stand between it and the mailbox. Each test lets such a
// page try, then looks at the mailbox over IMAP to see that nothing happened, and shows with a
// control that the same request from Postern's own page does work.

const BOB = { email: "bob@example.test", password: "bob-pass" };
const SUBJECT = `CSRF target ${Date.now()}`;

let attacker: CanaryServer;
let attackPage = "";
let uid = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  attacker = await startCanary(() => attackPage);
  await withLabImap(BOB, async (imap) => {
    const raw = `From: Carol <carol@example.test>\r\nTo: bob@example.test\r\nSubject: ${SUBJECT}\r\nMessage-ID: <${Date.now()}@csrf.test>\r\n\r\nA message the attacker would like to flag.\r\n`;
    const appended = await imap.append("INBOX", raw, []);
    if (!appended || !appended.uid) throw new Error("APPEND gave no UID");
    uid = appended.uid;
  });
});

test.afterAll(async () => {
  await attacker?.close();
  await withLabImap(BOB, async (imap) => {
    const lock = await imap.getMailboxLock("INBOX");
    try {
      await imap.messageDelete({ header: { subject: SUBJECT } });
    } finally {
      lock.release();
    }
  }).catch(() => undefined);
});

async function flagsOfTarget(): Promise<string[]> {
  return withLabImap(BOB, async (imap) => {
    const lock = await imap.getMailboxLock("INBOX");
    try {
      const msg = await imap.fetchOne(String(uid), { flags: true }, { uid: true });
      return msg ? [...(msg.flags ?? [])] : [];
    } finally {
      lock.release();
    }
  });
}

async function subjectsIn(folder: string): Promise<string[]> {
  return withLabImap(BOB, async (imap) => {
    const lock = await imap.getMailboxLock(folder);
    try {
      const found: string[] = [];
      for await (const m of imap.fetch("1:*", { envelope: true })) found.push(m.envelope?.subject ?? "");
      return found;
    } catch {
      return []; // an empty folder has no 1:*
    } finally {
      lock.release();
    }
  });
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

test("a same-site page's form, no-cors fetch and preflighted fetch cannot act on the mailbox", async ({ page, baseURL }) => {
  await signIn(page, BOB);
  const action = `${baseURL}/api/messages/actions`;
  const flag = { action: "flag", folder: "INBOX", selection: { uids: [uid] }, flag: "flagged", value: true };
  // text/plain form whose body is the JSON the route reads: {"action":…,"x":"="}
  const name = JSON.stringify({ ...flag, x: "" }).slice(0, -2);
  attackPage = `<!DOCTYPE html><title>attacker</title><link rel="icon" href="data:,">
<form id="f" method="POST" action="${action}" enctype="text/plain"><input name="${escapeAttr(name)}" value='"}'></form>
<script>
  const body = ${JSON.stringify(JSON.stringify(flag))};
  Promise.allSettled([
    fetch(${JSON.stringify(action)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body }),
    fetch(${JSON.stringify(action)}, { method: "POST", credentials: "include", headers: { "content-type": "application/json", "x-postern-request": "1" }, body }),
  ]).then((r) => { document.title = "fetched " + r.map((x) => x.status).join(","); document.getElementById("f").submit(); });
</script>`;
  const attack = await page.context().newPage();
  await attack.goto(`${attacker.origin}/control`);
  // The form's answer replaces the attacker's page: Postern's refusal.
  await expect(attack).toHaveURL(action);
  await expect(attack.locator("body")).toContainText("did not come from a Postern page");
  await attack.close();
  expect(await flagsOfTarget()).not.toContain("\\Flagged");

  // Even from Postern's own page (right Origin, the custom header), a request without the
  // session's CSRF token, or with a wrong one or another session's, is refused.
  const post = (token: string | null) =>
    page.evaluate(
      async ({ body, token }) => {
        const headers: Record<string, string> = { "content-type": "application/json", "x-postern-request": "1" };
        if (token !== null) headers["x-postern-csrf"] = token;
        const res = await fetch("/api/messages/actions", { method: "POST", headers, body });
        return { status: res.status, text: await res.text() };
      },
      { body: JSON.stringify(flag), token },
    );
  const token = await page.locator('meta[name="postern-csrf"]').getAttribute("content");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const otherSession = await page.context().browser()!.newContext();
  const otherPage = await otherSession.newPage();
  await signIn(otherPage, BOB);
  const otherToken = await otherPage.locator('meta[name="postern-csrf"]').getAttribute("content");
  await otherSession.close();
  expect(otherToken).not.toBe(token);
  for (const wrong of [null, "", "1", token!.slice(0, -1) + (token!.endsWith("A") ? "B" : "A"), otherToken!]) {
    const refused = await post(wrong);
    expect(refused.status, `token ${JSON.stringify(wrong)}`).toBe(403);
    expect(refused.text).toContain("did not come from a Postern page");
  }
  expect(await flagsOfTarget()).not.toContain("\\Flagged");

  // Control: the very same request from Postern's own page, with its header and token, does flag it.
  expect((await post(token)).status).toBe(200);
  expect(await flagsOfTarget()).toContain("\\Flagged");
});

test("a same-site multipart form cannot send mail as the user", async ({ page, baseURL }) => {
  await signIn(page, BOB);
  const forged = `Forged by a web page ${Date.now()}`;
  const context = JSON.stringify({ kind: "new", original: null, inReplyTo: null, references: [] });
  const fields: Record<string, string> = { to: "sink@example.test", subject: forged, body: "Sent without bob knowing.", context, kept: "[]", draft: "null", back: "INBOX", identity: "" };
  attackPage = `<!DOCTYPE html><title>attacker</title><link rel="icon" href="data:,">
<form id="f" method="POST" action="${baseURL}/api/compose/send" enctype="multipart/form-data">
${Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeAttr(v)}">`).join("\n")}
</form><script>document.getElementById("f").submit();</script>`;
  const attack = await page.context().newPage();
  await attack.goto(`${attacker.origin}/control`);
  await expect(attack).toHaveURL(`${baseURL}/api/compose/send`);
  await expect(attack.locator("body")).toContainText("did not come from a Postern page");
  await attack.close();
  // A send that had been accepted would be queued as a draft or already in Sent by now.
  for (const folder of ["Drafts", "Sent"]) expect(await subjectsIn(folder)).not.toContain(forged);
});

test("a same-site form cannot call a settings server action", async ({ page, baseURL }) => {
  await signIn(page, BOB);
  await page.goto("/mail/settings");
  const plain = page.getByLabel("Show the plain-text version of a message when it has one");
  await expect(plain).not.toBeChecked();
  // The attacker can read the action's id from any copy of the page: it is no secret.
  const form = page.locator("form").filter({ has: plain });
  // The session's CSRF token is: the attacker has no copy of it (the tests below send one anyway).
  const hidden = await form
    .locator('input[type="hidden"]:not([name="postern-csrf"])')
    .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]));
  expect(hidden.some(([n]) => n.startsWith("$ACTION_ID_"))).toBe(true);
  attackPage = `<!DOCTYPE html><title>attacker</title><link rel="icon" href="data:,">
<form id="f" method="POST" action="${baseURL}/mail/settings" enctype="multipart/form-data">
${hidden.map(([n, v]) => `<input type="hidden" name="${escapeAttr(n)}" value="${escapeAttr(v)}">`).join("\n")}
<input type="hidden" name="preferPlainText" value="yes">
</form><script>document.getElementById("f").submit();</script>`;
  const attack = await page.context().newPage();
  const answered = attack.waitForResponse((r) => r.url() === `${baseURL}/mail/settings` && r.request().method() === "POST");
  await attack.goto(`${attacker.origin}/control`);
  expect((await answered).status()).toBeGreaterThanOrEqual(400);
  await attack.close();
  await page.reload();
  await expect(page.getByLabel("Show the plain-text version of a message when it has one")).not.toBeChecked();
});

// Server actions (the settings, folder, identity, receipt and sign-out forms) carry the session's
// CSRF token in a hidden field, checked before the action does anything (app/mail/session-action.ts).
// These requests come from Postern's own page, so Next's Origin check passes: only the token stops them.

/** What the page says, in English (the notice is the catalog's "notices.csrfRefused"). */
const REFUSED = "This form did not come from a Postern page, so nothing was changed. Reload the page and try again.";

/** The token of another session of the same user. */
async function anotherSessionsToken(page: Page): Promise<string> {
  const other = await page.context().browser()!.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, BOB);
    return (await otherPage.locator('meta[name="postern-csrf"]').getAttribute("content"))!;
  } finally {
    await other.close();
  }
}

/** Tokens that are not the page's own: none at all, empty, made up, one character off, another session's. */
function wrongTokens(own: string, other: string): (string | null)[] {
  return [null, "", "1", own.slice(0, -1) + (own.endsWith("A") ? "B" : "A"), other];
}

/**
 * Posts `form` as a browser without JavaScript would (multipart, naming the action), with `fields`
 * changed and `token` in place of the form's own (null: no token field). Returns the page the
 * action redirected to.
 */
function postForm(form: Locator, token: string | null, fields: Record<string, string> = {}): Promise<string> {
  return form.evaluate(
    async (el, { token, fields }) => {
      const data = new FormData(el as HTMLFormElement);
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      if (token === null) data.delete("postern-csrf");
      else data.set("postern-csrf", token);
      const res = await fetch(location.pathname, { method: "POST", body: data });
      return res.url;
    },
    { token, fields },
  );
}

/** Opens the page a refused form came back to, as the user would see it, and checks it says so. */
async function expectRefusalShown(viewer: Page, url: string, label: string) {
  await viewer.goto(url);
  await expect(viewer.getByText(REFUSED), label).toBeVisible();
}

async function folderPaths(): Promise<string[]> {
  return withLabImap(BOB, async (imap) => (await imap.list()).map((f) => f.path));
}

test("server-action forms without the session's token, or with a wrong one, change nothing", async ({ page }) => {
  test.setTimeout(180_000); // each refusal is looked at on its page
  await signIn(page, BOB);
  const own = (await page.locator('meta[name="postern-csrf"]').getAttribute("content"))!;
  const wrong = wrongTokens(own, await anotherSessionsToken(page));
  const tag = `csrf-${Date.now()}`;
  // a second tab of the same browser, to look at the page each refused form came back to
  const viewer = await page.context().newPage();

  // Settings: reading preferences, and the spam blacklist.
  await page.goto("/mail/settings");
  const plain = page.getByLabel("Show the plain-text version of a message when it has one");
  await expect(plain).not.toBeChecked();
  const reading = page.locator("form").filter({ has: plain });
  await expect(reading.locator('input[name="postern-csrf"]')).toHaveValue(own);
  const addEntry = page.locator("form").filter({ has: page.getByRole("button", { name: "Add", exact: true }) });
  for (const token of wrong) {
    await expectRefusalShown(viewer, await postForm(reading, token, { preferPlainText: "yes" }), `token ${JSON.stringify(token)}`);
    await expectRefusalShown(viewer, await postForm(addEntry, token, { pattern: `${tag}.example`, kind: "block" }), `token ${JSON.stringify(token)}`);
  }
  await page.reload();
  await expect(plain).not.toBeChecked();
  await expect(page.getByTestId("spam-block-list")).not.toContainText(tag);

  // Folders: create.
  await page.goto("/mail/folders");
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Create" }) });
  for (const token of wrong) await expectRefusalShown(viewer, await postForm(create, token, { name: tag }), `folders, token ${JSON.stringify(token)}`);
  expect(await folderPaths()).not.toContain(tag);

  // Identities: add one.
  await page.goto("/mail/identities");
  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Add identity" }) });
  for (const token of wrong) await expectRefusalShown(viewer, await postForm(add, token, { name: tag, address: `${tag}@example.test` }), `identities, token ${JSON.stringify(token)}`);
  await page.reload();
  await expect(page.getByText(`${tag}@example.test`)).toHaveCount(0);

  // Sign-out: still signed in afterwards.
  await page.goto("/mail");
  const signOut = page.locator("form").filter({ has: page.getByRole("button", { name: "Sign out" }) });
  for (const token of wrong) await expectRefusalShown(viewer, await postForm(signOut, token), `sign-out, token ${JSON.stringify(token)}`);
  await page.goto("/mail");
  await expect(page.getByTestId("account")).toHaveText(BOB.email);

  // Control: the same request with the page's own token does save.
  await page.goto("/mail/settings");
  expect(new URL(await postForm(reading, own, { preferPlainText: "yes" })).searchParams.get("notice")).toBe("notices.readingSaved");
  await page.reload();
  await expect(plain).toBeChecked();
  // and the form itself, as the user submits it, puts it back
  await plain.uncheck();
  await reading.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-notice")).toHaveText("Reading settings saved.");
  await expect(plain).not.toBeChecked();
});

test("a tampered token in the page's own form is refused with a notice, and nothing is saved", async ({ page }) => {
  await signIn(page, BOB);
  const other = await anotherSessionsToken(page);
  await page.goto("/mail/settings");
  const plain = page.getByLabel("Show the plain-text version of a message when it has one");
  const reading = page.locator("form").filter({ has: plain });
  // React submits the form by fetch (the Next-Action header), not as a plain form post
  await reading.locator('input[name="postern-csrf"]').evaluate((input, token) => ((input as HTMLInputElement).value = token), other);
  await plain.check();
  await reading.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-notice")).toHaveText(REFUSED);
  await page.reload();
  await expect(plain).not.toBeChecked();
});

test("sign-in refuses a request whose Origin is missing or another site's", async ({ page, baseURL, playwright }) => {
  // Login CSRF: a forged sign-in would put the victim's browser in the forger's account. Sign-in
  // has no session yet, so no session token: the Origin is checked strictly (Next's own check
  // lets a request without one through), on the sign-in action and on Auth.js's endpoint.
  const CAROL = { email: "carol@example.test", password: "carol-pass" };
  await page.goto("/login");
  const fields = await page
    .locator("form.login-form input[type=hidden]")
    .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const));
  const multipart = { ...Object.fromEntries(fields), email: CAROL.email, password: CAROL.password };
  const signedIn = (headers: { name: string; value: string }[]) => headers.some((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token="));

  for (const origin of [undefined, attacker.origin]) {
    const client = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    const res = await client.post("/login", { multipart, headers: origin ? { origin } : {} });
    expect(signedIn(res.headersArray()), `action, origin ${origin}`).toBe(false);
    if (!origin) expect(await res.text()).toContain("did not come from Postern");

    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const viaAuthJs = await client.post("/api/auth/callback/credentials", { form: { csrfToken, ...CAROL }, headers: origin ? { origin } : {} });
    expect(viaAuthJs.status(), `Auth.js, origin ${origin}`).toBe(403);
    expect(signedIn(viaAuthJs.headersArray())).toBe(false);
    await client.dispose();
  }

  // Control: with Postern's own Origin, both sign in.
  const client = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  expect(signedIn((await client.post("/login", { multipart, headers: { origin: baseURL! } })).headersArray())).toBe(true);
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const viaAuthJs = await client.post("/api/auth/callback/credentials", { form: { csrfToken, ...CAROL }, headers: { origin: baseURL! } });
  expect(signedIn(viaAuthJs.headersArray())).toBe(true);
  await client.dispose();
});
