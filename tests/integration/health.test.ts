import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as healthz } from "@/app/healthz/route";
import { GET as readyz } from "@/app/readyz/route";
import { closeDbForTests, getDb } from "@/lib/db/client";
import { resetConfigForTests } from "@/lib/env";

// What a load balancer asks each Postern process (issue 19), against the real lab servers.

type Check = { ok: boolean; ms: number; error?: string };
async function ready(): Promise<{ status: number; body: { status: string; checks: Record<"database" | "imap" | "smtp", Check> } }> {
  const res = await readyz();
  return { status: res.status, body: await res.json() };
}

afterEach(async () => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  await closeDbForTests();
});

describe("/healthz and /readyz", () => {
  it("/healthz says the process is up", async () => {
    const res = healthz();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz is 200 when the database, IMAP and SMTP answer, with each one's detail", async () => {
    await getDb().$connect(); // as the server does when it starts (instrumentation.ts): migrations are done
    const { status, body } = await ready();
    for (const name of ["database", "imap", "smtp"] as const) expect(body.checks[name]).toMatchObject({ ok: true });
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
  });

  it("/readyz is 503 and names IMAP when the IMAP server does not answer", async () => {
    vi.stubEnv("IMAP_PORT", "1"); // nothing listens on 127.0.0.1:1
    resetConfigForTests();
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.checks.imap).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.smtp.ok).toBe(true);
  });

  it("/readyz is 503 when the database is down, without showing its password", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://postern:not-this-password@127.0.0.1:1/postern");
    resetConfigForTests();
    await closeDbForTests();
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.checks.database.ok).toBe(false);
    expect(body.checks.database.error).toBeTruthy();
    expect(JSON.stringify(body)).not.toContain("not-this-password");
    expect(body.checks.imap.ok).toBe(true);
  });
});
