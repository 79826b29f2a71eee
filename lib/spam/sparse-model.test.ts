import { describe, expect, it } from "vitest";
import { addChanges, decodeModel, denseCopy, emptyModel, encodeModel, pruneModel, weightOf } from "./sparse-model";

const model = (entries: [number, number][]) => addChanges(emptyModel(), new Map(entries));

describe("sparse model", () => {
  it("adds changes as increments, keeps slots sorted, and looks any slot up", () => {
    const m = addChanges(model([[0, 0.5], [10, 1], [7, -2]]), new Map([[10, 0.25], [3, 4], [99, 0]]));
    expect([...m.slots]).toEqual([0, 3, 7, 10]);
    expect(weightOf(m, 10)).toBeCloseTo(1.25, 6);
    expect(weightOf(m, 3)).toBe(4);
    expect(weightOf(m, 7)).toBe(-2);
    expect(weightOf(m, 99)).toBe(0);
    expect(weightOf(m, 4)).toBe(0);
    expect(weightOf(emptyModel(), 0)).toBe(0);
  });

  it("prunes negligible weights, then the smallest beyond the bound; the bias stays", () => {
    const m = pruneModel(model([[0, 0.0001], [1, 0.0001], [2, 3], [3, -5], [4, 1], [5, 2]]), 2, 0.001);
    expect([...m.slots]).toEqual([0, 2, 3]);
    expect(weightOf(m, 0)).toBeCloseTo(0.0001, 8);
  });

  it("round-trips through bytes, also from a buffer at an odd offset", () => {
    const m = model([[0, 0.5], [1 << 19, -1.5], [12345, 2]]);
    const bytes = encodeModel(m);
    const shifted = (b: Uint8Array) => new Uint8Array([9, ...b]).subarray(1);
    const back = decodeModel(shifted(bytes.slots), shifted(bytes.weights));
    expect([...back.slots]).toEqual([...m.slots]);
    expect(weightOf(back, 1 << 19)).toBe(-1.5);
  });

  it("reads a damaged row as no weights rather than as weights for the wrong features", () => {
    const bytes = encodeModel(model([[1, 1], [2, 2]]));
    expect(decodeModel(bytes.slots.subarray(0, 5), bytes.weights).slots.length).toBe(0);
    expect(decodeModel(bytes.slots, bytes.weights.subarray(0, 4)).slots.length).toBe(0);
    const unsorted = encodeModel({ slots: Uint32Array.from([2, 1]), weights: Float32Array.from([1, 1]) });
    expect(decodeModel(unsorted.slots, unsorted.weights).slots.length).toBe(0);
  });

  it("learns in a dense copy and reads off only what changed, as increments", () => {
    const dense = denseCopy(model([[0, 0.5], [9, 1]]), 4);
    expect(dense.get(9)).toBe(1);
    dense.add(9, 0.5);
    dense.add(3, -2);
    dense.add(3, 2); // back where it was: no change to write
    expect([...dense.changes()]).toEqual([[9, 0.5]]);
  });
});
