// The default learner's weights of one account as two parallel arrays: the feature slots in use,
// sorted, and their weights. Compact (8 bytes a weight), looked up by binary search, and stored as
// one database row (weight-store.ts). Pure: no I/O.

export type SparseModel = { slots: Uint32Array; weights: Float32Array };

export const emptyModel = (): SparseModel => ({ slots: new Uint32Array(0), weights: new Float32Array(0) });

/** The weight of `slot`; 0 when the model has none. */
export function weightOf(model: SparseModel, slot: number): number {
  const { slots } = model;
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = slots[mid];
    if (s === slot) return model.weights[mid];
    if (s < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** A new model with `changes` added to the weights (slots not in the model are added). */
export function addChanges(model: SparseModel, changes: Map<number, number>): SparseModel {
  const added = [...changes].filter(([, d]) => d !== 0 && Number.isFinite(d)).sort((a, b) => a[0] - b[0]);
  const slots = new Uint32Array(model.slots.length + added.length);
  const weights = new Float32Array(slots.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < model.slots.length || j < added.length) {
    const fromModel = j >= added.length || (i < model.slots.length && model.slots[i] <= added[j][0]);
    if (fromModel) {
      const same = j < added.length && model.slots[i] === added[j][0];
      slots[n] = model.slots[i];
      weights[n++] = model.weights[i++] + (same ? added[j++][1] : 0);
    } else {
      slots[n] = added[j][0];
      weights[n++] = added[j++][1];
    }
  }
  return { slots: slots.slice(0, n), weights: weights.slice(0, n) };
}

/** A new model without weights smaller than `negligible`, then without the smallest beyond `max`
 * (the bias, slot 0, always stays and is not counted). */
export function pruneModel(model: SparseModel, max: number, negligible: number): SparseModel {
  const keep: number[] = [];
  for (let i = 0; i < model.slots.length; i++) {
    if (model.slots[i] !== 0 && Math.abs(model.weights[i]) >= negligible) keep.push(i);
  }
  let chosen = keep;
  if (keep.length > max) {
    const bySize = [...keep].sort((a, b) => Math.abs(model.weights[b]) - Math.abs(model.weights[a]));
    chosen = bySize.slice(0, max).sort((a, b) => a - b);
  }
  const bias = model.slots.length && model.slots[0] === 0 ? [0] : [];
  const indices = [...bias, ...chosen];
  return { slots: Uint32Array.from(indices, (i) => model.slots[i]), weights: Float32Array.from(indices, (i) => model.weights[i]) };
}

/** Bytes to store (little-endian, as the arrays are on every platform Node runs on here). */
export function encodeModel(model: SparseModel): { slots: Uint8Array<ArrayBuffer>; weights: Uint8Array<ArrayBuffer> } {
  const bytesOf = (a: Uint32Array | Float32Array) => Uint8Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return { slots: bytesOf(model.slots), weights: bytesOf(model.weights) };
}

/** The model from stored bytes; a row that does not hold whole, matching, sorted arrays (damaged
 * or hand-edited) reads as empty rather than as weights for the wrong features. */
export function decodeModel(slotBytes: Uint8Array, weightBytes: Uint8Array): SparseModel {
  if (slotBytes.byteLength % 4 || slotBytes.byteLength !== weightBytes.byteLength) return emptyModel();
  // copied: a driver's Buffer may start at an offset that is not a multiple of 4
  const slots = new Uint32Array(Uint8Array.from(slotBytes).buffer);
  const weights = new Float32Array(Uint8Array.from(weightBytes).buffer);
  for (let i = 1; i < slots.length; i++) if (slots[i] <= slots[i - 1]) return emptyModel();
  return { slots, weights };
}

/** All of the model's weights in a dense array (2^bits float32: 4 MB at 20 bits), for learning
 * many messages at once; `changes()` reads off what learning changed, for the store to add. */
export function denseCopy(model: SparseModel, bits: number): { get(slot: number): number; add(slot: number, d: number): void; changes(): Map<number, number> } {
  const w = new Float32Array(1 << bits);
  for (let i = 0; i < model.slots.length; i++) if (model.slots[i] < w.length) w[model.slots[i]] = model.weights[i];
  const before = w.slice();
  return {
    get: (slot) => w[slot],
    add: (slot, d) => void (w[slot] += d),
    changes() {
      const changed = new Map<number, number>();
      for (let i = 0; i < w.length; i++) if (w[i] !== before[i]) changed.set(i, w[i] - before[i]);
      return changed;
    },
  };
}

export const modelBytes = (model: SparseModel) => model.slots.byteLength + model.weights.byteLength;
