import { getMetrics } from "@/lib/observability/metrics";
import { getSettings } from "@/lib/settings/account-settings";
import { classifyTokens, countTokens, type GrahamOptions } from "./graham";
import { isTrained, type SpamMethod } from "./evaluate-message";
import { slotsOf } from "./learner";
import type { RuleHit } from "./heuristics";
import { forgetMessage, LOGISTIC_DEFAULTS, learnMessage, messageLogOdds, probability } from "./logistic";
import { spamInterestingTokens, spamLearnerThreshold, spamMethod, spamThreshold, spamUnsureThreshold } from "./spam-settings";
import { setTrainedLabel, trainedRecord, type TrainedLabel } from "./spam-store";
import { addToDelta, dbTokenStore, emptyDelta } from "./token-store";
import { dbWeightStore, MAX_WEIGHTS } from "./weight-store";

/** A message to learn: its tokens and the rules it hit (their weights are learned too). */
export type TrainItem = { key: string; tokens: string[]; rules?: RuleHit[] };
export type TrainOutcome = { learned: number; unlearned: number; alreadyKnown: number };

/** What decides "the filter already judged it right" in "mistakes" mode. */
export type TrainSettings = { method: SpamMethod; graham: GrahamOptions; learnerThreshold: number; unsureThreshold: number };

export async function trainSettings(account: string): Promise<TrainSettings> {
  const [method, threshold, interesting, learnerThreshold, unsureThreshold] = await getSettings(account, [
    spamMethod,
    spamThreshold,
    spamInterestingTokens,
    spamLearnerThreshold,
    spamUnsureThreshold,
  ] as const);
  return { method, graham: { threshold, interesting }, learnerThreshold, unsureThreshold };
}

/**
 * Teaches the account's filter that these messages are `label` (null: forget them). Both learners
 * learn (Graham's counts and the default learner's weights), so switching method in Settings
 * keeps what was taught. A message trained before under the other label is un-trained first, so a
 * correction never counts twice. In "mistakes" mode a message the chosen method already judges
 * right is not added (for the default learner: spam above the spam cut-off, good mail below the
 * "possibly spam" one, so an unsure message is always learned).
 */
export async function trainMessages(
  account: string,
  items: TrainItem[],
  label: TrainedLabel | null,
  mode: "mistakes" | "everything",
  settings?: TrainSettings,
): Promise<TrainOutcome> {
  const how = settings ?? (await trainSettings(account));
  const store = dbTokenStore(account);
  const weightStore = dbWeightStore(account);
  const slots = new Map(items.map((i) => [i.key, slotsOf(i.tokens)]));
  // One read and one write of the weights for the whole batch, steps applied in order in memory.
  const weights = await weightStore.load();
  const outcome: TrainOutcome = { learned: 0, unlearned: 0, alreadyKnown: 0 };
  for (const item of items) {
    const record = await trainedRecord(account, item.key);
    const prior = record?.label ?? null;
    if (prior === label) {
      outcome.alreadyKnown++;
      continue;
    }
    const counts = countTokens(item.tokens);
    const itemSlots = slots.get(item.key)!;
    if (prior) {
      const undo = emptyDelta();
      addToDelta(undo, prior, counts, -1);
      await store.apply(undo);
      forgetMessage(weights, itemSlots, record!.learnerStep, LOGISTIC_DEFAULTS, item.rules);
      outcome.unlearned++;
    }
    let learn = label !== null;
    if (label && mode === "mistakes") {
      const corpus = await store.corpus();
      let right: boolean;
      if (how.method === "graham") {
        const known = await store.counts(item.tokens);
        right = classifyTokens(item.tokens, (t) => known.get(t), corpus, how.graham).isSpam === (label === "spam");
      } else {
        const p = probability(messageLogOdds(weights, itemSlots, LOGISTIC_DEFAULTS.ruleRate ? item.rules : []));
        right = label === "spam" ? p > how.learnerThreshold : p <= how.unsureThreshold;
      }
      if (isTrained(corpus) && right) learn = false;
    }
    let step = 0;
    if (learn && label) {
      const delta = emptyDelta();
      addToDelta(delta, label, counts);
      await store.apply(delta);
      step = learnMessage(weights, itemSlots, label, LOGISTIC_DEFAULTS, item.rules);
      outcome.learned++;
      getMetrics().spamLearned.inc({ label });
    } else if (label) {
      outcome.alreadyKnown++;
    }
    await setTrainedLabel(account, item.key, learn ? label : null, step);
  }
  await weightStore.save(weights, outcome.learned ? { prune: MAX_WEIGHTS } : {});
  if (outcome.learned) await store.prune();
  return outcome;
}
