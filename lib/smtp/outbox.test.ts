import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PosternError } from "@/lib/http/errors";
import { Outbox } from "./outbox";

const DRAFT = { folder: "Drafts", uid: 7 };
const delivered = { sentCopy: null, rejected: [], warnings: [] };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Outbox", () => {
  it("sends after the delay, not before", async () => {
    const outbox = new Outbox(() => Date.now());
    const send = vi.fn(async () => delivered);
    const job = outbox.schedule("s1", DRAFT, 10_000, send);
    expect(job).toMatchObject({ state: "waiting", remainingMs: 10_000, draft: DRAFT });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(send).not.toHaveBeenCalled();
    expect(outbox.get(job.id, "s1")?.remainingMs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(outbox.get(job.id, "s1")?.state).toBe("sent");
  });

  it("undo stops a waiting message; too late once it is going", async () => {
    const outbox = new Outbox(() => Date.now());
    const send = vi.fn(async () => delivered);
    const a = outbox.schedule("s1", DRAFT, 10_000, send);
    expect(outbox.cancel(a.id, "s1").state).toBe("cancelled");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(send).not.toHaveBeenCalled();

    let finish: () => void = () => undefined;
    const slow = vi.fn(() => new Promise<typeof delivered>((r) => (finish = () => r(delivered))));
    const b = outbox.schedule("s1", DRAFT, 1000, slow);
    await vi.advanceTimersByTimeAsync(1000);
    expect(outbox.get(b.id, "s1")?.state).toBe("sending");
    expect(() => outbox.cancel(b.id, "s1")).toThrow(/Too late/);
    finish();
  });

  it("keeps a failure's reason; jobs are private to their session and forgotten later", async () => {
    const outbox = new Outbox(() => Date.now());
    const job = outbox.schedule("s1", DRAFT, 10, async () => {
      throw new PosternError("RECIPIENT_REJECTED", "The mail server refused x@example.test.");
    });
    expect(outbox.get(job.id, "other")).toBeNull();
    expect(() => outbox.cancel(job.id, "other")).toThrow(PosternError);
    await vi.advanceTimersByTimeAsync(10);
    expect(outbox.get(job.id, "s1")).toMatchObject({ state: "failed", error: { code: "RECIPIENT_REJECTED" } });
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    expect(outbox.size).toBe(0);
  });
});
