import { afterAll, describe, expect, it } from "vitest";
import { findSession, sessionIdFor } from "@/lib/auth/session-store";
import { LoginRateLimiter } from "@/lib/auth/login-rate-limit";
import { signIn } from "@/lib/auth/sign-in";
import { resumeSession } from "@/lib/auth/resume-session";
import { signOut } from "@/lib/auth/sign-out";
import { getDb } from "@/lib/db/client";
import { getConfig, resetConfigForTests } from "@/lib/env";
import { getPool } from "@/lib/imap/session-pool";
import { LOGIN_MAX_ATTEMPTS } from "@/lib/limits";
import { ALICE, freshIp, signInAs } from "./helpers";

afterAll(() => getPool().closeAll());

describe("sign-in against the lab's Dovecot", () => {
  it("accepts the right password and keeps the credentials encrypted at rest", async () => {
    const me = await signInAs(ALICE);
    const row = await getDb().session.findUniqueOrThrow({ where: { id: me.sessionId } });
    expect(row.email).toBe(ALICE.email);
    expect(row.credentials).not.toContain(ALICE.password);
    expect(row.id).not.toBe(me.token); // only the hash of the browser's token is stored
    expect(row.id).toBe(sessionIdFor(me.token));
    expect(((await findSession(me.token)) as { credentials: unknown }).credentials).toEqual({ user: ALICE.email, pass: ALICE.password });
    expect(getPool().size).toBeGreaterThan(0);
  });

  it("says 'wrong password' for a wrong password", async () => {
    await expect(signIn({ email: ALICE.email, password: "nope", clientIp: "127.0.0.201", userAgent: null })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "Wrong email address or password.",
    });
  });

  it("penalizes a failed login for its own client address only (ID x-originating-ip)", async () => {
    // Dovecot delays logins from an address for ~2-15 s after a failure from it. Postern passes the
    // browser's address, so a different user's next login through Postern is not slowed down.
    await expect(signIn({ email: ALICE.email, password: "wrong", clientIp: "127.0.0.202", userAgent: null })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    const t0 = Date.now();
    await signIn({ ...ALICE, clientIp: "127.0.0.203", userAgent: null });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it("says 'mail server unreachable' when nothing answers, distinct from a wrong password", async () => {
    const saved = process.env.IMAP_PORT;
    process.env.IMAP_PORT = "1"; // nothing listens on 127.0.0.1:1
    resetConfigForTests();
    try {
      expect(getConfig().IMAP_PORT).toBe(1);
      await expect(signIn({ ...ALICE, clientIp: freshIp(), userAgent: null })).rejects.toMatchObject({
        code: "IMAP_UNAVAILABLE",
        message: expect.stringMatching(/cannot be reached/),
      });
    } finally {
      process.env.IMAP_PORT = saved;
      resetConfigForTests();
    }
  });

  it("signing out deletes the session and closes its IMAP connection", async () => {
    const me = await signInAs(ALICE);
    const before = getPool().size;
    await signOut(me.token);
    expect(await findSession(me.token)).toBeNull();
    expect(getPool().size).toBe(before - 1);
  });

  it("an idle session past the timeout is refused and removed, with its connection", async () => {
    const me = await signInAs(ALICE);
    const idle = getConfig().SESSION_IDLE_MINUTES;
    await getDb().session.update({
      where: { id: me.sessionId },
      data: { lastSeenAt: new Date(Date.now() - (idle * 60 + 1) * 1000) },
    });
    const before = getPool().size;
    expect(await resumeSession(me.token)).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: me.sessionId } })).toBeNull();
    expect(getPool().size).toBe(before - 1); // its IMAP connection is closed too
  });
});

describe("sign-in rate limiting (issue 8)", () => {
  const DAVE = { email: "dave@example.test", password: "dave-pass" };
  it("an account guessed at from many addresses stays open to its owner (no lockout as a weapon)", async () => {
    // Each guess from its own address, all at once: Dovecot's own per-address penalty stays out of it.
    const guesses = await Promise.allSettled(
      Array.from({ length: LOGIN_MAX_ATTEMPTS }, (_, i) => signIn({ email: DAVE.email, password: `guess-${i}`, clientIp: freshIp(), userAgent: null })),
    );
    expect(guesses.map((g) => (g.status === "rejected" ? (g.reason as { code?: string }).code : "signed in"))).toEqual(Array(LOGIN_MAX_ATTEMPTS).fill("INVALID_CREDENTIALS"));
    // The owner, from their own address, signs in as usual.
    const dave = await signIn({ ...DAVE, clientIp: freshIp(), userAgent: null });
    await signOut(dave.token);
  });

  it("an address that kept guessing at an account is refused there, with a clear message, without asking the server", async () => {
    const ip = freshIp();
    // The guesses so far, as any Postern process would have counted them in the shared database.
    const counts = new LoginRateLimiter();
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) await counts.recordFailure(DAVE.email, ip);
    // Now even the right password, from that address, is refused without asking the server.
    await expect(signIn({ ...DAVE, clientIp: ip, userAgent: null })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many failed sign-in attempts\. Try again in 15 minutes\.$/),
    });
    // the lock is that address's at dave, not dave's everywhere nor everyone's at that address
    const dave = await signIn({ ...DAVE, clientIp: freshIp(), userAgent: null });
    await signOut(dave.token);
    const alice = await signIn({ ...ALICE, clientIp: ip, userAgent: null });
    await signOut(alice.token);
  });
});

