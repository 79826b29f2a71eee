import { FailureLimiter } from "@/lib/http/failure-limiter";
import { LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MS } from "@/lib/limits";

/**
 * Counts failed sign-ins per key (client address, account) in a sliding window. In memory: one
 * Postern process guards itself; the IMAP server's own penalty is the second line.
 */
export class LoginRateLimiter extends FailureLimiter {
  constructor(max = LOGIN_MAX_ATTEMPTS, windowMs = LOGIN_WINDOW_MS) {
    super(max, windowMs);
  }
}
