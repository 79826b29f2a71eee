import { FailureLimiter } from "@/lib/http/failure-limiter";
import { LOGIN_MAX_ATTEMPTS, LOGIN_MAX_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW_MS } from "@/lib/limits";

/**
 * Throttles failed sign-ins per (account, client address) and per client address, in the shared
 * database (every process counts the same). Deliberately not per account alone: ten wrong
 * passwords from anywhere must not lock the owner out everywhere (OWASP); the owner, from their
 * own address, is never slowed by someone else's guessing. The IMAP server's own penalty is the
 * second line. A browser with a valid device cookie for the account (device-cookie.ts) is counted
 * by that cookie alone: the per-address limits others trip never block it, and guessing with a
 * stolen device cookie is slowed as much as guessing from one address.
 */
export class LoginRateLimiter {
  private readonly atAddress: FailureLimiter;
  private readonly fromAddress: FailureLimiter;
  private readonly ofDevice: FailureLimiter;

  constructor(max = LOGIN_MAX_ATTEMPTS, windowMs = LOGIN_WINDOW_MS, maxPerAddress = LOGIN_MAX_ATTEMPTS_PER_ADDRESS) {
    this.atAddress = new FailureLimiter("login", max, windowMs);
    this.fromAddress = new FailureLimiter("login-address", maxPerAddress, windowMs);
    this.ofDevice = new FailureLimiter("login-device", max, windowMs);
  }

  /** Seconds until this account may be tried from this address again, or 0 if allowed now. */
  async retryAfter(account: string, clientIp: string | null, now = Date.now(), device: string | null = null): Promise<number> {
    if (device) return this.ofDevice.retryAfter([deviceKey(account, device)], now);
    const [pair, address] = await Promise.all([
      this.atAddress.retryAfter([pairKey(account, clientIp)], now),
      this.fromAddress.retryAfter([addressKey(clientIp)], now),
    ]);
    return Math.max(pair, address);
  }

  async recordFailure(account: string, clientIp: string | null, now = Date.now(), device: string | null = null): Promise<void> {
    if (device) return this.ofDevice.recordFailure([deviceKey(account, device)], now);
    await this.atAddress.recordFailure([pairKey(account, clientIp)], now);
    await this.fromAddress.recordFailure([addressKey(clientIp)], now);
  }

  /** Clears the pair only: one good password must not clear an address's record of guessing. */
  async recordSuccess(account: string, clientIp: string | null, device: string | null = null): Promise<void> {
    await this.atAddress.recordSuccess([pairKey(account, clientIp)]);
    if (device) await this.ofDevice.recordSuccess([deviceKey(account, device)]);
  }
}

const addressKey = (clientIp: string | null) => `ip:${clientIp ?? "unknown"}`;
const pairKey = (account: string, clientIp: string | null) => `${account.toLowerCase()} ${addressKey(clientIp)}`;
const deviceKey = (account: string, device: string) => `${account.toLowerCase()} device:${device}`;
