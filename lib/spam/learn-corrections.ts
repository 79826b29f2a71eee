import { getSettings } from "@/lib/settings/account-settings";
import type { SpamSource } from "./fetch-spam-sources";
import { spamAccount, spamTrainMode } from "./spam-settings";
import { trainMessages, type TrainOutcome } from "./train-messages";
import { recordUserVerdicts } from "./user-verdicts";

/**
 * Messages the user moved into Junk (`spam`) or out of it (`ham`) in another mail program,
 * noticed by the filer or the Junk watcher: learned as a Spam / Not spam click would be, and the
 * verdict becomes the user's own, so the same move is never learned twice and the filer never
 * second-guesses it.
 */
export async function learnCorrections(email: string, sources: SpamSource[], label: "spam" | "ham"): Promise<TrainOutcome | null> {
  if (!sources.length) return null;
  const account = spamAccount(email);
  const [mode] = await getSettings(account, [spamTrainMode] as const);
  const outcome = await trainMessages(account, sources, label, mode);
  await recordUserVerdicts(account, sources, label);
  return outcome;
}
