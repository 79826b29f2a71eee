import { expect, test } from "@playwright/test";
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
  const hidden = await form.locator('input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]));
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
