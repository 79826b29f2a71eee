import { describe, expect, it } from "vitest";
import { RecentValues } from "./recent-sessions";

describe("RecentValues", () => {
  it("returns a value until its time is up, then forgets it", () => {
    const v = new RecentValues<string>(5000);
    v.set("k", "sid", 1000);
    expect(v.get("k", 5999)).toBe("sid");
    expect(v.get("k", 6000)).toBeUndefined();
    expect(v.get("k", 1000)).toBeUndefined();
  });

  it("forgets a deleted value at once", () => {
    const v = new RecentValues<string>(5000);
    v.set("k", "sid", 0);
    v.delete("k");
    expect(v.get("k", 1)).toBeUndefined();
  });

  it("holds at most `max` entries, dropping the oldest and the expired ones", () => {
    const v = new RecentValues<number>(100, 2);
    v.set("a", 1, 0);
    v.set("b", 2, 10);
    v.set("c", 3, 20);
    expect(v.get("a", 21)).toBeUndefined();
    expect(v.get("b", 21)).toBe(2);
    v.set("d", 4, 150); // b and c have expired by now
    expect(v.get("c", 150)).toBeUndefined();
    expect(v.get("d", 150)).toBe(4);
  });
});
