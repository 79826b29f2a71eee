import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/** Spam when the final score is above this (Graham: 0.9). */
export const spamThreshold = defineSetting("spam.threshold", z.number().min(0.5).max(0.9999), 0.9);
/** How many of a message's tokens decide (Graham: 15). */
export const spamInterestingTokens = defineSetting("spam.interestingTokens", z.number().int().min(5).max(50), 15);
/** "mistakes": learn from a Spam/Not spam click only when the filter judged the message wrongly
 * (it then learns what it does not know yet, and the counts stay balanced); "everything": always. */
export const spamTrainMode = defineSetting("spam.trainMode", z.enum(["mistakes", "everything"]), "mistakes");
/** Move new INBOX mail the filter judges spam to Junk. */
export const spamAutoFile = defineSetting("spam.autoFile", z.boolean(), true);
/** Auto-whitelist: how far a new message's score moves toward the sender's average (0 = off). */
export const spamAwlFactor = defineSetting("spam.awlFactor", z.number().min(0).max(1), 0.5);

/** Which learner judges: "logistic" (the default, lib/spam/logistic.ts) or "graham" (Graham's
 * method as built, lib/spam/graham.ts). Both learn from every click and bootstrap. */
export const spamMethod = defineSetting("spam.method", z.enum(["logistic", "graham"]), "logistic");
/** The default learner's cut-offs on the final score, chosen by cross-validation on the training
 * half of the benchmark corpus only (bench/spam/run.ts, BENCHMARKS.md): spam above the first
 * (at most 0.05% of held-out good mail above it), "possibly spam" above the second (1%). */
export const LEARNER_SPAM_THRESHOLD = 0.821;
export const LEARNER_UNSURE_THRESHOLD = 0.098;
export const spamLearnerThreshold = defineSetting("spam.learner.threshold", z.number().min(0.01).max(0.9999), LEARNER_SPAM_THRESHOLD);
export const spamUnsureThreshold = defineSetting("spam.learner.unsure", z.number().min(0.001).max(0.9999), LEARNER_UNSURE_THRESHOLD);

export const SPAM_SETTINGS = [
  spamThreshold,
  spamInterestingTokens,
  spamTrainMode,
  spamAutoFile,
  spamAwlFactor,
  spamMethod,
  spamLearnerThreshold,
  spamUnsureThreshold,
] as const;

/** The spam tables are keyed like settings: by the signed-in address, lower case. */
export const spamAccount = (email: string) => email.trim().toLowerCase();
