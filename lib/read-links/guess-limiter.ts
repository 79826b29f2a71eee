import { FailureLimiter } from "@/lib/http/failure-limiter";
import { READ_LINK_GUESS_WINDOW_MS, READ_LINK_MAX_GUESSES } from "@/lib/limits";

/** Unknown link tokens per client address (page and reveal endpoint), counted in the shared
 * database so that every Postern process refuses the same guesser. */
export function linkGuessLimiter(): FailureLimiter {
  return new FailureLimiter("read-link-guess", READ_LINK_MAX_GUESSES, READ_LINK_GUESS_WINDOW_MS);
}

export const guessKey = (clientIp: string | null) => `ip:${clientIp ?? "unknown"}`;
