import { FailureLimiter } from "@/lib/http/failure-limiter";
import { READ_LINK_GUESS_WINDOW_MS, READ_LINK_MAX_GUESSES } from "@/lib/limits";

const holder = globalThis as unknown as { posternLinkGuesses?: FailureLimiter };

/** Process-wide count of unknown link tokens per client address (page and reveal endpoint). */
export function linkGuessLimiter(): FailureLimiter {
  holder.posternLinkGuesses ??= new FailureLimiter(READ_LINK_MAX_GUESSES, READ_LINK_GUESS_WINDOW_MS);
  return holder.posternLinkGuesses;
}

export const guessKey = (clientIp: string | null) => `ip:${clientIp ?? "unknown"}`;
