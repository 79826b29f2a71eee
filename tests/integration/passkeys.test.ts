// Passkeys (issue 23) against Postern's database and the lab's Dovecot: registering several,
// naming and removing them; the second step after a real IMAP password check; passkey-first
// naming the account; challenges single-use, expiring and bound to their purpose and account;
// counters that must move; another origin's or RP ID's answer refused. The browser's side
// (Chromium's virtual authenticator) is e2e/passkeys.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPassword } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { passkeySignInOptions, verifyPasskeySignIn } from "@/lib/passkeys/authenticate-passkey";
import { CHALLENGE_TTL_MS } from "@/lib/passkeys/challenge-store";
import { listPasskeys, removePasskey, renamePasskey } from "@/lib/passkeys/passkey-store";
import { finishPasskeyRegistration, passkeyRegistrationOptions } from "@/lib/passkeys/register-passkey";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { secondStepFor } from "@/lib/two-factor/second-step";
import { regenerateRecoveryCodes, forgetRecoveryCodesIfUnused, twoFactorStatus } from "@/lib/two-factor/two-factor-store";
import { ALICE, freshIp, outcomeOf } from "./helpers";
import { SoftAuthenticator } from "./soft-authenticator";

const GRACE = { email: "grace@example.test", password: "grace-pass" };
const ORIGIN = "https://mail.example.test";
const RP = relyingParty(new Headers({ host: "mail.example.test" }), { trustProxy: 0, publicUrl: ORIGIN });

async function register(account: string, name: string, key: SoftAuthenticator): Promise<void> {
  const { challengeId, options } = await passkeyRegistrationOptions(account, RP);
  await finishPasskeyRegistration({ account, rp: RP, challengeId, name, response: key.create(options) });
}

async function forget(): Promise<void> {
  await getDb().passkey.deleteMany({ where: { account: GRACE.email } });
  await getDb().recoveryCode.deleteMany({ where: { account: GRACE.email } });
}

beforeAll(forget);
afterAll(forget);

describe("passkeys", () => {
  const phone = new SoftAuthenticator(ORIGIN);
  const key = new SoftAuthenticator(ORIGIN);

  it("takes its RP ID and origin from PUBLIC_URL, else from the request (forwarded headers only from a trusted proxy)", () => {
    expect(RP).toMatchObject({ rpID: "mail.example.test", origin: ORIGIN });
    const forged = new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" });
    expect(relyingParty(forged, { trustProxy: 0 })).toMatchObject({ rpID: "127.0.0.1", origin: "http://127.0.0.1:3000" });
    expect(relyingParty(forged, { trustProxy: 1 })).toMatchObject({ rpID: "evil.test", origin: "https://evil.test" });
  });

  it("registers several, named; the same authenticator twice is excluded; a second step appears", async () => {
    expect(await secondStepFor(GRACE.email)).toBeNull();
    await register(GRACE.email, "Phone", phone);
    await register(GRACE.email, "Blue key", key);
    expect((await listPasskeys(GRACE.email)).map((p) => p.name)).toEqual(["Phone", "Blue key"]);
    const again = await passkeyRegistrationOptions(GRACE.email, RP);
    expect(again.options.excludeCredentials?.map((c) => c.id).sort()).toEqual([phone, key].map((k) => k.credentialId.toString("base64url")).sort());
    expect(await secondStepFor(GRACE.email)).toBe("verify");
    // The stored key is a public key; nothing about it is secret, but it is never listed.
    expect(Object.keys((await listPasskeys(GRACE.email))[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name"]);
  });

  it("refuses a registration answer for another origin, or to a used challenge", async () => {
    const stranger = new SoftAuthenticator("https://evil.test");
    const { challengeId, options } = await passkeyRegistrationOptions(GRACE.email, RP);
    expect(await outcomeOf(finishPasskeyRegistration({ account: GRACE.email, rp: RP, challengeId, name: "x", response: stranger.create(options) }))).toBe("BAD_REQUEST");
    // The challenge was used up by that attempt.
    const honest = new SoftAuthenticator(ORIGIN);
    expect(await outcomeOf(finishPasskeyRegistration({ account: GRACE.email, rp: RP, challengeId, name: "x", response: honest.create(options) }))).toBe("BAD_REQUEST");
    // A challenge made for one account is not another's.
    const other = await passkeyRegistrationOptions(GRACE.email, RP);
    expect(await outcomeOf(finishPasskeyRegistration({ account: ALICE.email, rp: RP, challengeId: other.challengeId, name: "x", response: honest.create(other.options) }))).toBe("BAD_REQUEST");
    expect(await listPasskeys(ALICE.email)).toEqual([]);
    expect(await listPasskeys(GRACE.email)).toHaveLength(2);
  });

  it("second step: after the real IMAP password, the account's passkey passes; the challenge works once", async () => {
    const checked = await checkPassword({ ...GRACE, clientIp: freshIp(), userAgent: "vitest" });
    await checked.client.logout();
    const { challengeId, options } = await passkeySignInOptions(GRACE.email, RP);
    expect(options.allowCredentials).toHaveLength(2);
    const answer = phone.get(options);
    expect(await verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId, response: answer })).toBe(GRACE.email);
    expect(await outcomeOf(verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId, response: answer }))).toBe("INVALID_CREDENTIALS");
    const used = (await listPasskeys(GRACE.email)).find((p) => p.name === "Phone");
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses another account's passkey at the second step, and an answer for another origin", async () => {
    const forAlice = await passkeySignInOptions(GRACE.email, RP);
    expect(await outcomeOf(verifyPasskeySignIn({ account: ALICE.email, rp: RP, challengeId: forAlice.challengeId, response: phone.get(forAlice.options) }))).toBe("INVALID_CREDENTIALS");
    const { challengeId, options } = await passkeySignInOptions(GRACE.email, RP);
    expect(await outcomeOf(verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId, response: phone.get(options, { origin: "https://evil.test" }) }))).toBe("INVALID_CREDENTIALS");
    expect(await outcomeOf(passkeySignInOptions(ALICE.email, RP))).toBe("NOT_FOUND");
  });

  it("refuses a counter that did not move (a cloned authenticator)", async () => {
    const first = await passkeySignInOptions(GRACE.email, RP);
    await verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId: first.challengeId, response: key.get(first.options) });
    const second = await passkeySignInOptions(GRACE.email, RP);
    expect(await outcomeOf(verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId: second.challengeId, response: key.get(second.options, { countUp: false }) }))).toBe("INVALID_CREDENTIALS");
  });

  it("a challenge expires, and two processes answering one challenge at once pass once", async () => {
    const old = await passkeySignInOptions(GRACE.email, RP);
    const late = new Date(Date.now() + CHALLENGE_TTL_MS + 1000);
    expect(await outcomeOf(verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId: old.challengeId, response: phone.get(old.options) }, late))).toBe("INVALID_CREDENTIALS");
    const { challengeId, options } = await passkeySignInOptions(GRACE.email, RP);
    const answer = phone.get(options);
    const raced = await Promise.all([1, 2, 3].map(() => outcomeOf(verifyPasskeySignIn({ account: GRACE.email, rp: RP, challengeId, response: answer }))));
    expect(raced.filter((r) => r === "ok")).toHaveLength(1);
  });

  it("passkey-first: any of the browser's passkeys names its account; a second-step challenge is not one", async () => {
    const first = await passkeySignInOptions(null, RP);
    expect(first.options.allowCredentials).toBeUndefined();
    expect(await verifyPasskeySignIn({ account: null, rp: RP, challengeId: first.challengeId, response: key.get(first.options) })).toBe(GRACE.email);
    const step = await passkeySignInOptions(GRACE.email, RP);
    expect(await outcomeOf(verifyPasskeySignIn({ account: null, rp: RP, challengeId: step.challengeId, response: key.get(step.options) }))).toBe("INVALID_CREDENTIALS");
  });

  it("renames and removes only the account's own; recovery codes go with the last factor", async () => {
    const [p1, p2] = await listPasskeys(GRACE.email);
    expect(await renamePasskey(ALICE.email, p1.id, "stolen")).toBe(false);
    expect(await removePasskey(ALICE.email, p1.id)).toBe(false);
    expect(await renamePasskey(GRACE.email, p1.id, "Old phone")).toBe(true);
    expect((await listPasskeys(GRACE.email))[0].name).toBe("Old phone");
    await regenerateRecoveryCodes(GRACE.email);
    expect(await removePasskey(GRACE.email, p1.id)).toBe(true);
    await forgetRecoveryCodesIfUnused(GRACE.email);
    expect((await twoFactorStatus(GRACE.email)).recoveryCodesLeft).toBe(10);
    expect(await removePasskey(GRACE.email, p2.id)).toBe(true);
    await forgetRecoveryCodesIfUnused(GRACE.email);
    expect((await twoFactorStatus(GRACE.email)).recoveryCodesLeft).toBe(0);
    expect(await secondStepFor(GRACE.email)).toBeNull();
    // A removed passkey no longer signs in.
    expect(await outcomeOf(passkeySignInOptions(GRACE.email, RP))).toBe("NOT_FOUND");
    const first = await passkeySignInOptions(null, RP);
    expect(await outcomeOf(verifyPasskeySignIn({ account: null, rp: RP, challengeId: first.challengeId, response: key.get(first.options) }))).toBe("INVALID_CREDENTIALS");
  });
});
