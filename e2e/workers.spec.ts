import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { BOB } from "./lab-smtp";
import { startPostern } from "./postern-process";

// server.mjs with WORKERS=2 (node:cluster): one port, two worker processes. A worker that dies is
// replaced by the primary, and the other one serves meanwhile; SIGTERM stops them all.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const DATA = "data/e2e-workers";

/** The primary's child processes: its workers. */
function workersOf(pid: number): number[] {
  const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
  return text.split(" ").filter(Boolean).map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("a worker killed with SIGKILL is replaced, and the signed-in user is served throughout", async ({ page }) => {
  test.setTimeout(180_000);
  fs.rmSync(DATA, { recursive: true, force: true });
  const server = await startPostern({ port: PORT, dataDir: DATA, env: { WORKERS: "2" } });
  try {
    await expect.poll(() => workersOf(server.pid).length, { timeout: 60_000 }).toBe(2);
    const [victim, other] = workersOf(server.pid);
    await page.goto(`${server.url}/login`);
    await signIn(page, BOB);

    process.kill(victim, "SIGKILL");
    // Once the primary has seen the death (the victim is no longer its child), every request is
    // served, by the other worker while the new one starts. A connection the primary handed to
    // the victim in the instant it died is lost with it (node:cluster cannot take it back).
    await expect.poll(() => workersOf(server.pid).includes(victim), { timeout: 10_000 }).toBe(false);
    for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await page.reload();
    await expect(page.getByTestId("account")).toHaveText(BOB.email);

    await expect.poll(() => workersOf(server.pid).length, { timeout: 60_000 }).toBe(2);
    const now = workersOf(server.pid);
    expect(now).toContain(other);
    const [replacement] = now.filter((pid) => pid !== other);
    // The replacement serves too: once it is ready, the other worker dies, and while its own
    // replacement starts, the signed-in user is served by the new worker alone.
    await expect.poll(() => server.output().includes(`pid ${replacement})`), { timeout: 60_000 }).toBe(true);
    process.kill(other, "SIGKILL");
    await expect.poll(() => workersOf(server.pid).includes(other), { timeout: 10_000 }).toBe(false);
    await page.reload();
    await expect(page.getByTestId("account")).toHaveText(BOB.email);
    await expect.poll(() => workersOf(server.pid).length, { timeout: 60_000 }).toBe(2);
    const last = workersOf(server.pid);

    // SIGTERM: the primary stops its workers and exits; none is left behind.
    await server.kill("SIGTERM");
    for (const pid of last) await expect.poll(() => alive(pid), { timeout: 20_000 }).toBe(false);
  } finally {
    await server.kill("SIGKILL");
  }
});
