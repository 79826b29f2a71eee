// The sign-in alert and the device cookie (issue 23) against the lab's Dovecot: a browser without
// a device cookie for the account, once the password passed, gets the alert appended to the
// account's own INBOX (if the account turned alerts on), saying when, which browser and which
// address, never the password; a browser with one gets none, and is not blocked by the address
// throttles others tripped ("lockout as a weapon").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rememberDevice } from "@/lib/auth/device-cookie";
import { LoginRateLimiter } from "@/lib/auth/login-rate-limit";
import { signInAlerts } from "@/lib/auth/security-settings";
import { alertIfNewBrowser } from "@/lib/auth/sign-in-alert";
import { checkPassword } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { isPosternError } from "@/lib/http/errors";
import { setSetting } from "@/lib/settings/account-settings";
import { freshIp } from "./helpers";
import { findIn, removeMatching } from "./lab-mailbox";

const GRACE = { email: "grace@example.test", password: "grace-pass" };
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const SUBJECT = "New sign-in to Postern";
/** The address this file locks: outside freshIp()'s range, so no other file's sign-in meets its lock. */
const SHARED_IP = "127.0.9.1";

async function signInFrom(ip: string, deviceCookie: string | null) {
  const checked = await checkPassword({ ...GRACE, clientIp: ip, userAgent: CHROME, deviceCookie });
  try {
    return await alertIfNewBrowser(checked.client, { account: checked.email, at: new Date(), userAgent: CHROME, clientIp: ip, deviceCookie });
  } finally {
    await checked.client.logout();
  }
}

async function clean(): Promise<void> {
  await removeMatching(GRACE, ["INBOX"], SUBJECT);
  await getDb().accountSetting.deleteMany({ where: { account: GRACE.email } });
  await getDb().failureCount.deleteMany({ where: { OR: [{ key: { contains: GRACE.email } }, { key: { contains: SHARED_IP } }] } });
}

beforeAll(clean);
afterAll(clean);

describe("sign-in alert", () => {
  it("is off by default: nothing is appended", async () => {
    expect(await signInFrom(freshIp(), null)).toBe(false);
    expect(await findIn(GRACE, "INBOX", SUBJECT)).toHaveLength(0);
  });

  it("when on, a new browser's sign-in puts one message in INBOX with time, browser and address, never the password", async () => {
    await setSetting(GRACE.email, signInAlerts, true);
    const ip = freshIp();
    expect(await signInFrom(ip, null)).toBe(true);
    const [alert, ...more] = await findIn(GRACE, "INBOX", SUBJECT);
    expect(more).toHaveLength(0);
    const text = alert.source.toString("utf8");
    expect(text).toContain("Subject: New sign-in to Postern (Chrome on Linux)");
    expect(text).toContain(`Address:  ${ip}`);
    expect(text).toMatch(/When: {5}\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/);
    expect(text).not.toContain(GRACE.password);
    expect(alert.flags.has("\\Seen")).toBe(false);
  });

  it("a browser whose device cookie vouches for the account gets no alert; another account's cookie does not count", async () => {
    expect(await signInFrom(freshIp(), rememberDevice(null, GRACE.email))).toBe(false);
    expect(await signInFrom(freshIp(), rememberDevice(null, "alice@example.test"))).toBe(true);
    expect(await findIn(GRACE, "INBOX", SUBJECT)).toHaveLength(2);
  });
});

describe("device cookie", () => {
  it("lets the owner's browser sign in while guessing from the same address has it locked", async () => {
    const sharedIp = SHARED_IP;
    // Someone behind the owner's address guessed her password until the address was locked.
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 40; i++) await limiter.recordFailure(GRACE.email, sharedIp);
    const refused = await checkPassword({ ...GRACE, clientIp: sharedIp, userAgent: CHROME }).then(
      (c) => c.client.logout().then(() => "ok"),
      (e) => (isPosternError(e) ? e.code : "other"),
    );
    expect(refused).toBe("RATE_LIMITED");
    // Her own browser, which signed in before, is not.
    const checked = await checkPassword({ ...GRACE, clientIp: sharedIp, userAgent: CHROME, deviceCookie: rememberDevice(null, GRACE.email) });
    expect(checked.email).toBe(GRACE.email);
    await checked.client.logout();
  });
});
