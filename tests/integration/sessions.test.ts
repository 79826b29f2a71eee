// Devices and sessions (issue 23): ending another session of the account deletes it and closes
// its IMAP connection; another account's session ids are ignored; a process whose connection
// belongs to a session ended elsewhere closes it within seconds (the poll in instrumentation.ts).
import { describe, expect, it } from "vitest";
import { findSession, listSessions } from "@/lib/auth/session-store";
import { closeSessionsEndedElsewhere, endExpiredSessions, endOtherSessions, endSessions } from "@/lib/auth/sign-out";
import { getDb } from "@/lib/db/client";
import { getPool } from "@/lib/imap/session-pool";
import { ALICE, BOB, signInAs } from "./helpers";

describe("devices and sessions", () => {
  it("lists the account's sessions without credentials, and ends only its own", async () => {
    const a1 = await signInAs(ALICE);
    const a2 = await signInAs(ALICE);
    const b = await signInAs(BOB);
    const listed = await listSessions(ALICE.email);
    expect(listed.map((s) => s.id)).toEqual(expect.arrayContaining([a1.sessionId, a2.sessionId]));
    expect(listed.map((s) => s.id)).not.toContain(b.sessionId);
    expect(Object.keys(listed[0]).sort()).toEqual(["clientIp", "createdAt", "id", "lastSeenAt", "userAgent"]);

    // bob cannot end alice's session by naming its id.
    expect(await endSessions(BOB.email, [a2.sessionId])).toBe(0);
    expect(await findSession(a2.token)).not.toBeNull();

    expect(getPool().sessionIds()).toContain(a2.sessionId);
    expect(await endOtherSessions(ALICE.email, a1.sessionId)).toBeGreaterThanOrEqual(1);
    expect(await findSession(a2.token)).toBeNull();
    expect(getPool().sessionIds()).not.toContain(a2.sessionId);
    expect(await findSession(a1.token)).not.toBeNull();
    expect(await findSession(b.token)).not.toBeNull();
  });

  it("closes a connection whose session another process ended, at the next sweep", async () => {
    const s = await signInAs(ALICE);
    expect(getPool().sessionIds()).toContain(s.sessionId);
    // As another process would: only the row goes.
    await getDb().session.delete({ where: { id: s.sessionId } });
    await endExpiredSessions();
    expect(getPool().sessionIds()).not.toContain(s.sessionId);
  });

  it("closes a connection whose session another process ended with the short poll, leaving live ones", async () => {
    const ended = await signInAs(ALICE);
    const live = await signInAs(ALICE);
    await getDb().session.delete({ where: { id: ended.sessionId } });
    expect(await closeSessionsEndedElsewhere()).toBeGreaterThanOrEqual(1);
    expect(getPool().sessionIds()).not.toContain(ended.sessionId);
    expect(getPool().sessionIds()).toContain(live.sessionId);
  });
});
