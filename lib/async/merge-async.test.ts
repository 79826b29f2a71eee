import { describe, expect, it } from "vitest";
import { mergeAsync } from "./merge-async";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* slow(name: string, delays: number[], log: string[]) {
  try {
    for (const [i, d] of delays.entries()) {
      await tick(d);
      yield `${name}${i}`;
    }
  } finally {
    log.push(`${name} stopped`);
  }
}

describe("mergeAsync", () => {
  it("yields each source's items as they come, a quick source never waiting for a slow one", async () => {
    const log: string[] = [];
    const out: string[] = [];
    for await (const v of mergeAsync([slow("a", [40, 40], log), slow("b", [1, 1, 1], log)])) out.push(v);
    expect(out.slice(0, 3)).toEqual(["b0", "b1", "b2"]);
    expect(out.sort()).toEqual(["a0", "a1", "b0", "b1", "b2"]);
  });

  it("asks the sources still running to stop when the consumer stops", async () => {
    const log: string[] = [];
    for await (const v of mergeAsync([slow("a", [30, 30, 30], log), slow("b", [1], log)])) {
      if (v === "b0") break;
    }
    await expect.poll(() => log.sort()).toEqual(["a stopped", "b stopped"]);
  });

  it("passes a source's error on", async () => {
    async function* bad(): AsyncGenerator<string> {
      throw new Error("broken");
    }
    await expect(async () => {
      for await (const _ of mergeAsync([bad()])) void _;
    }).rejects.toThrow("broken");
  });

  it("ends at once with no sources", async () => {
    const out: unknown[] = [];
    for await (const v of mergeAsync([])) out.push(v);
    expect(out).toEqual([]);
  });
});
