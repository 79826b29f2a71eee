import { describe, expect, it } from "vitest";
import { addAccount } from "@/lib/accounts/add-account";
import { countAccountCheck } from "@/lib/accounts/account-check-limit";
import { getAccount, listAccounts, removeAccount } from "@/lib/accounts/account-store";
import type { MailAccountInput, UserServer } from "@/lib/accounts/account-types";
import { getDb } from "@/lib/db/client";
import { ACCOUNT_CHECKS_MAX } from "@/lib/limits";
import { BOB, freshIp, outcomeOf } from "./helpers";

// Adding another mailbox through Postern's own path (lib/accounts) against the lab's Dovecot and
// Postfix, typed as a user would: the lab is "localhost", which the tests' INTERNAL_HOSTS allows.
const IMAP_PORT = Number(process.env.LAB_IMAP_PORT ?? 3143);
const SMTP_PORT = Number(process.env.LAB_SUBMISSION_PORT ?? 3587);
const owner = () => `owner-${Math.random().toString(36).slice(2)}@example.test`;
const imap: UserServer = { host: "localhost", port: IMAP_PORT, security: "starttls" };
const smtp: UserServer = { host: "localhost", port: SMTP_PORT, security: "starttls" };
const bob = (over: Partial<MailAccountInput> = {}): MailAccountInput => ({ label: "Bob at the lab", user: BOB.email, pass: BOB.password, imap, smtp, ...over });

describe("adding another account", () => {
  it("signs in to IMAP and SMTP, stores the account with its password sealed, and removes both", async () => {
    const me = owner();
    const id = await addAccount(me, bob(), freshIp());
    expect(await listAccounts(me)).toEqual([{ id, label: "Bob at the lab", user: BOB.email, imap, smtp }]);
    expect((await getAccount(me, id)).credentials).toEqual({ user: BOB.email, pass: BOB.password });
    const row = await getDb().mailAccount.findUniqueOrThrow({ where: { id } });
    expect(row.sealedCredentials).not.toContain(BOB.password);
    // another owner cannot use it, even with its id
    expect(await outcomeOf(getAccount(owner(), id))).toBe("NOT_FOUND");
    // a row moved to another owner does not decrypt there (the sealing is bound to the owner)
    const thief = owner();
    await getDb().mailAccount.update({ where: { id }, data: { owner: thief } });
    expect(await outcomeOf(getAccount(thief, id))).toBe("NOT_FOUND");
    await getDb().mailAccount.update({ where: { id }, data: { owner: me } });

    expect(await removeAccount(me, id)).toBe(true);
    expect(await listAccounts(me)).toEqual([]);
    expect(await getDb().mailAccount.count({ where: { id } })).toBe(0);
  });

  it("says the password is wrong, and stores nothing", async () => {
    const me = owner();
    const e = await addAccount(me, bob({ pass: "not-bobs-password" }), freshIp()).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "INVALID_CREDENTIALS", message: expect.stringMatching(/did not accept the user name or password/) });
    expect(await listAccounts(me)).toEqual([]);
  });

  it("says a server cannot be reached, and names a TLS failure as such", async () => {
    const down = await addAccount(owner(), bob({ imap: { ...imap, port: 1 } }), freshIp()).catch((x: unknown) => x);
    expect(down).toMatchObject({ code: "IMAP_UNAVAILABLE", message: expect.stringMatching(/localhost:1 cannot be reached/) });
    // TLS from the first byte to a port that speaks plain IMAP first
    const tls = await addAccount(owner(), bob({ imap: { ...imap, security: "tls" } }), freshIp()).catch((x: unknown) => x);
    expect(tls).toMatchObject({ code: "IMAP_UNAVAILABLE", message: expect.stringMatching(/certificate or TLS/) });
    const smtpDown = await addAccount(owner(), bob({ smtp: { ...smtp, port: 1 } }), freshIp()).catch((x: unknown) => x);
    expect(smtpDown).toMatchObject({ code: "SMTP_UNAVAILABLE", message: expect.stringMatching(/SMTP\) server localhost:1 cannot be reached/) });
  });

  it.each(["127.0.0.1", "10.0.0.1", "[::1]"])("refuses the typed server %s with HOST_REFUSED, never connecting", async (host) => {
    const me = owner();
    const started = Date.now();
    expect(await outcomeOf(addAccount(me, bob({ imap: { ...imap, host } }), freshIp()))).toBe("HOST_REFUSED");
    expect(await outcomeOf(addAccount(me, bob({ smtp: { ...smtp, host } }), freshIp()))).toBe("HOST_REFUSED");
    // 10.0.0.1 would time out if a connection were tried
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await listAccounts(me)).toEqual([]);
  });

  it("limits how often one user checks accounts, in the shared database", async () => {
    const me = owner();
    for (let i = 0; i < ACCOUNT_CHECKS_MAX; i++) await countAccountCheck(me);
    expect(await outcomeOf(addAccount(me, bob(), freshIp()))).toBe("RATE_LIMITED");
    // someone else is not slowed
    expect(await outcomeOf(countAccountCheck(owner()))).toBe("ok");
  });
});
