/** 2^20 slots: few collisions for one person's mail; the store keeps only the slots in use. */
export const DEFAULT_BITS = 20;

/** FNV-1a over UTF-16 code units, 32 bits: a feature name to a slot of a fixed-size weight table
 * (the "hashing trick": storage stays bounded however many words the user's mail holds; two
 * features sharing a slot share a weight, which costs little at 2^20 slots). */
export function featureHash(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The distinct slots of `features` in a table of 2^bits slots. */
export function featureSlots(features: Iterable<string>, bits: number): Uint32Array {
  const mask = (1 << bits) - 1;
  const slots = new Set<number>();
  for (const f of features) slots.add(featureHash(f) & mask);
  return Uint32Array.from(slots);
}
