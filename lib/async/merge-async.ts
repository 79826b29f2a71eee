/**
 * The items of several async iterables as each produces them (not one after the other), so a slow
 * source never holds back a quick one. A source is asked for its next item only once its last one
 * was taken. When the consumer stops early, every source not finished is asked to stop too (its
 * `return()`), without waiting for it.
 */
export async function* mergeAsync<T>(sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const live = new Set(iterators.keys());
  const pull = (index: number) => pending.set(index, iterators[index].next().then((result) => ({ index, result })));
  live.forEach(pull);
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      pending.delete(index);
      if (result.done) {
        live.delete(index);
        continue;
      }
      yield result.value;
      pull(index);
    }
  } finally {
    for (const index of live) void iterators[index].return?.(undefined)?.catch(() => undefined);
  }
}
