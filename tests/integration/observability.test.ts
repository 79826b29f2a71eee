// Issue 19, observability and administration against the real lab: /metrics after real sign-ins
// and IMAP commands, who may read it, per-process heartbeats, lockouts and unlocking them, read-link
// and spam statistics, and the admin API answering ADMIN_EMAILS only (404 for everyone else).
import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findSession, type MailSession } from "@/lib/auth/session-store";

// The session cookie is a browser's; here the session itself is a real one (signed in over IMAP).
const current: { session: MailSession | null } = { session: null };
vi.mock("@/auth", () => ({ getMailSession: async () => current.session }));

const { GET: adminApi } = await import("@/app/api/admin/overview/route");
const { GET: metricsRoute } = await import("@/app/metrics/route");
const { listLockouts, unlockKey } = await import("@/lib/admin/lockouts");
const { readLinkStatistics } = await import("@/lib/admin/usage-statistics");
const { LoginRateLimiter } = await import("@/lib/auth/login-rate-limit");
const { getDb } = await import("@/lib/db/client");
const { resetConfigForTests } = await import("@/lib/env");
const { getPool } = await import("@/lib/imap/session-pool");
const { listFolders } = await import("@/lib/imap/list-folders");
const { HEARTBEAT_STALE_MS, listLiveProcesses, recordHeartbeat } = await import("@/lib/observability/process-heartbeat");
const { processIdentity } = await import("@/lib/observability/process-identity");
const { createReadLink, openReadLink } = await import("@/lib/read-links/read-link-store");
const { ALICE, BOB, freshIp, signInAs } = await import("./helpers");

afterEach(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  current.session = null;
});

async function liveSession(token: string): Promise<MailSession> {
  const session = await findSession(token);
  if (!session || session === "expired") throw new Error("the session just made is not there");
  return session;
}

function scrape(headers: Record<string, string>): Promise<Response> {
  return metricsRoute(new Request("http://postern.test/metrics", { headers }));
}

/** The value of one sample line of the exposition text, or 0 when absent. */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}` : " "}`));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("/metrics", () => {
  it("counts real sign-ins and IMAP commands, and shows the pool", async () => {
    const before = await (await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "0" })).text();
    const alice = await signInAs(ALICE);
    await listFolders(alice);
    const res = await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "0" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, "postern_sign_ins_total", 'result="ok"')).toBe(sample(before, "postern_sign_ins_total", 'result="ok"') + 1);
    // Dovecot offers AUTH=PLAIN, which imapflow prefers to LOGIN.
    const logins = (t: string) => ["LOGIN", "AUTHENTICATE"].reduce((n, c) => n + sample(t, "postern_imap_command_duration_seconds_count", `command="${c}"`), 0);
    expect(logins(text)).toBeGreaterThan(logins(before));
    expect(sample(text, "postern_imap_command_duration_seconds_count", 'command="LIST"')).toBeGreaterThan(0);
    expect(sample(text, "postern_imap_pool_connections")).toBe(getPool().size);
    expect(sample(text, "postern_sessions_active")).toBeGreaterThanOrEqual(1);
    // Labels never carry who: no address, no session id.
    expect(text).not.toContain(ALICE.email);
    expect(text).not.toContain(alice.sessionId);
  });

  it("counts a wrong password as refused", async () => {
    const before = await (await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "0" })).text();
    await expect(signInAs({ ...BOB, password: "not-bobs-password" })).rejects.toThrow();
    const text = await (await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "0" })).text();
    expect(sample(text, "postern_sign_ins_total", 'result="refused"')).toBe(sample(before, "postern_sign_ins_total", 'result="refused"') + 1);
  });

  it("is closed to other machines without METRICS_TOKEN, and to a local proxy's relayed requests", async () => {
    vi.stubEnv("METRICS_TOKEN", "metrics-token-for-the-test-0123");
    resetConfigForTests();
    expect((await scrape({ "x-postern-client-ip": "203.0.113.5" })).status).toBe(401);
    expect((await scrape({ "x-postern-client-ip": "203.0.113.5", authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
    expect((await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "1" })).status).toBe(401);
    expect((await scrape({ "x-postern-client-ip": "127.0.0.1" })).status).toBe(401);
    expect((await scrape({})).status).toBe(401);
    const withToken = await scrape({ "x-postern-client-ip": "203.0.113.5", authorization: "Bearer metrics-token-for-the-test-0123" });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain("postern_http_request_duration_seconds");
  });
});

describe("process heartbeats", () => {
  it("lists this process and other live ones with their pool use, hides stale ones", async () => {
    const now = new Date();
    await recordHeartbeat(now);
    const other = { id: `other-${crypto.randomUUID()}`, host: "mail-2", pid: 4242, startedAt: now, seenAt: now, imapConnections: 7, imapMax: 200, liveWatchers: 3 };
    const gone = { ...other, id: `gone-${crypto.randomUUID()}`, pid: 4343, seenAt: new Date(now.getTime() - HEARTBEAT_STALE_MS - 1000) };
    await getDb().processHeartbeat.createMany({ data: [other, gone] });
    const live = await listLiveProcesses(now);
    expect(live[0]).toMatchObject({ id: processIdentity().id, current: true, imapConnections: getPool().size });
    expect(live.find((p) => p.id === other.id)).toMatchObject({ host: "mail-2", pid: 4242, imapConnections: 7, liveWatchers: 3, current: false });
    expect(live.some((p) => p.id === gone.id)).toBe(false);
    expect((await getDb().processHeartbeat.findUnique({ where: { id: processIdentity().id } }))?.seenAt).toEqual(now);
    await getDb().processHeartbeat.deleteMany({ where: { id: { in: [other.id, gone.id] } } });
  });
});

describe("lockouts", () => {
  it("shows a sign-in lockout from the shared limiter, and unlocking lets the account in again", async () => {
    const ip = freshIp();
    const limiter = new LoginRateLimiter(3, 60_000, 100);
    for (let i = 0; i < 3; i++) await limiter.recordFailure(ALICE.email, ip);
    expect(await limiter.retryAfter(ALICE.email, ip)).toBeGreaterThan(0);
    const lockout = (await listLockouts()).find((l) => l.address === ip);
    expect(lockout).toMatchObject({ kind: "sign-in", account: ALICE.email, address: ip, lockouts: 1 });
    expect(await unlockKey(lockout!.key)).toBe(true);
    expect(await limiter.retryAfter(ALICE.email, ip)).toBe(0);
    expect((await listLockouts()).some((l) => l.address === ip)).toBe(false);
    expect(await unlockKey(lockout!.key)).toBe(false);
  });
});

describe("read-link statistics", () => {
  it("count a sent link, then its opening, and the metric follows", async () => {
    // one instant for every count: a link of an earlier file that expires between two counts
    // would otherwise leave "waiting" by itself
    const now = new Date();
    const before = await readLinkStatistics(now);
    const metricsBefore = await (await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "0" })).text();
    // an account of its own: an opened link of alice's would be another file's opening notice
    const from = { name: "Stats", address: "read-link-stats@example.test" };
    const secrets = await createReadLink({
      id: crypto.randomUUID(),
      account: from.address,
      messageId: `<${crypto.randomUUID()}@example.test>`,
      recipient: BOB.email,
      sender: from,
      message: { from, to: [{ name: "", address: BOB.email }], cc: [], date: new Date().toISOString(), subject: "Stats", text: "hello", files: [] },
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect(await readLinkStatistics(now)).toMatchObject({ sent: before.sent + 1, waiting: before.waiting + 1, opened: before.opened });
    expect((await openReadLink(secrets.token, { agent: "Firefox on Linux", ip: null }))?.ok).toBe(true);
    expect(await readLinkStatistics(now)).toMatchObject({ sent: before.sent + 1, waiting: before.waiting, opened: before.opened + 1 });
    const metrics = await (await scrape({ "x-postern-client-ip": "127.0.0.1", "x-postern-relayed": "0" })).text();
    expect(sample(metrics, "postern_read_links_opened_total")).toBe(sample(metricsBefore, "postern_read_links_opened_total") + 1);
  });
});

describe("admin API", () => {
  it("answers an address in ADMIN_EMAILS (any case) and 404s everyone else", async () => {
    vi.stubEnv("ADMIN_EMAILS", "ops@example.test, ALICE@example.test");
    resetConfigForTests();
    const alice = await signInAs(ALICE);
    const bob = await signInAs(BOB);

    current.session = null;
    expect((await adminApi()).status).toBe(404);
    current.session = await liveSession(bob.token);
    const refused = await adminApi();
    expect(refused.status).toBe(404);
    expect(JSON.stringify(await refused.json())).not.toMatch(/sessionsActive|lockouts/);

    current.session = await liveSession(alice.token);
    const res = await adminApi();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.sessionsActive).toBeGreaterThanOrEqual(2);
    expect(body.processes[0]).toMatchObject({ current: true, imapMax: expect.any(Number) });
    expect(body).toHaveProperty("lockouts");
    expect(body.readLinks).toHaveProperty("opened");
    expect(body.spam.verdicts).toHaveProperty("spam");
  });
});
