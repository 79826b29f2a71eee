import { classifyTokens, countTokens, GRAHAM_DEFAULTS, type GrahamOptions } from "./graham";
import { isTrained } from "./evaluate-message";
import { setTrainedLabel, trainedLabel, type TrainedLabel } from "./spam-store";
import { addToDelta, dbTokenStore, emptyDelta } from "./token-store";

export type TrainItem = { key: string; tokens: string[] };
export type TrainOutcome = { learned: number; unlearned: number; alreadyKnown: number };

/**
 * Teaches the account's filter that these messages are `label` (null: forget them). A message
 * trained before under the other label is un-trained first, so a correction never counts twice.
 * In "mistakes" mode a message the filter already judges right is not added: the filter learns
 * only what it got wrong.
 */
export async function trainMessages(
  account: string,
  items: TrainItem[],
  label: TrainedLabel | null,
  mode: "mistakes" | "everything",
  options: GrahamOptions = GRAHAM_DEFAULTS,
): Promise<TrainOutcome> {
  const store = dbTokenStore(account);
  const outcome: TrainOutcome = { learned: 0, unlearned: 0, alreadyKnown: 0 };
  for (const item of items) {
    const prior = await trainedLabel(account, item.key);
    if (prior === label) {
      outcome.alreadyKnown++;
      continue;
    }
    const counts = countTokens(item.tokens);
    if (prior) {
      const undo = emptyDelta();
      addToDelta(undo, prior, counts, -1);
      await store.apply(undo);
      outcome.unlearned++;
    }
    let learn = label !== null;
    if (label && mode === "mistakes") {
      const corpus = await store.corpus();
      const known = await store.counts(item.tokens);
      const verdict = classifyTokens(item.tokens, (t) => known.get(t), corpus, options);
      if (isTrained(corpus) && verdict.isSpam === (label === "spam")) learn = false;
    }
    if (learn && label) {
      const delta = emptyDelta();
      addToDelta(delta, label, counts);
      await store.apply(delta);
      outcome.learned++;
    } else if (label) {
      outcome.alreadyKnown++;
    }
    await setTrainedLabel(account, item.key, learn ? label : null);
  }
  if (outcome.learned) await store.prune();
  return outcome;
}
