import { getConfig } from "@/lib/env";
import { FailureLimiter } from "@/lib/http/failure-limiter";
import { PosternError } from "@/lib/http/errors";
import { ACCOUNT_CHECK_WINDOW_MS } from "@/lib/limits";

// Every check counts, successful or not: each one makes Postern connect to a server the user
// chose, which is what a prober or a password guesser at another server would repeat. In the
// shared table, so every process counts the same.
let limiter: FailureLimiter | undefined;
const checks = () => (limiter ??= new FailureLimiter("account-check", getConfig().ACCOUNT_CHECKS_PER_15_MIN, ACCOUNT_CHECK_WINDOW_MS));

/** Counts one account check by `owner`, or refuses it when they made too many lately.
 * @throws PosternError RATE_LIMITED */
export async function countAccountCheck(owner: string, now = Date.now()): Promise<void> {
  const key = [owner.trim().toLowerCase()];
  const wait = await checks().retryAfter(key, now);
  if (wait > 0) {
    throw new PosternError("RATE_LIMITED", `Too many account checks. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`);
  }
  await checks().recordFailure(key, now);
}
