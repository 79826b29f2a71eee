import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DraftSaver, type SaveAttempt, type SaveState } from "./draft-saver";

function setup(results: SaveAttempt[] = []) {
  const states: SaveState["kind"][] = [];
  let release: (() => void) | null = null;
  const save = vi.fn(
    () =>
      new Promise<SaveAttempt>((resolve) => {
        release = () => resolve(results.shift() ?? { ok: true });
      }),
  );
  const saver = new DraftSaver({ delayMs: 3000, retryMs: 15_000, save, onState: (s) => states.push(s.kind) });
  const finish = async () => {
    release?.();
    release = null;
    await vi.advanceTimersByTimeAsync(0);
  };
  return { saver, save, states, finish };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("DraftSaver", () => {
  it("saves once, a few seconds after the last of several changes", async () => {
    const { saver, save, finish, states } = setup();
    saver.changed();
    await vi.advanceTimersByTimeAsync(2000);
    saver.changed();
    await vi.advanceTimersByTimeAsync(2999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saver.dirty).toBe(true);
    await finish();
    expect(saver.dirty).toBe(false);
    expect(states).toEqual(["saving", "saved"]);
  });

  it("saves a change made during a save right after it, never two at once", async () => {
    const { saver, save, finish } = setup();
    saver.changed();
    await vi.advanceTimersByTimeAsync(3000);
    saver.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    await finish();
    expect(saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(2);
    await finish();
    expect(saver.dirty).toBe(false);
  });

  it("retries a failed save and stays dirty until it works", async () => {
    const { saver, save, finish, states } = setup([{ ok: false, message: "Your session has ended.", expired: true }]);
    saver.changed();
    await vi.advanceTimersByTimeAsync(3000);
    await finish();
    expect(states.at(-1)).toBe("failed");
    expect(saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(save).toHaveBeenCalledTimes(2);
    await finish();
    expect(saver.dirty).toBe(false);
  });

  it("pause waits for the running save and stops the timer; flush saves at once", async () => {
    const { saver, save, finish } = setup();
    saver.changed();
    await vi.advanceTimersByTimeAsync(3000);
    saver.changed();
    const paused = saver.pause();
    await finish();
    await paused;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    saver.markSaved();
    expect(saver.dirty).toBe(false);
    saver.resume();
    saver.changed();
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    await finish();
    await flushed;
    expect(saver.dirty).toBe(false);
  });
});
