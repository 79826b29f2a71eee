import { accountKey } from "@/lib/contacts/contact-store";
import { FailureLimiter } from "@/lib/http/failure-limiter";
import { PosternError } from "@/lib/http/errors";
import { checkAddressBook } from "./sync-address-book";

/** Connection tests an account may make in the window: each makes Postern connect to a host the
 * user typed, so a burst of them is a port scan through Postern, whatever their outcome. */
export const MAX_CARDDAV_TESTS = 10;
const WINDOW_MS = 10 * 60_000;
const tests = new FailureLimiter("carddav-test", MAX_CARDDAV_TESTS, WINDOW_MS);

/**
 * checkAddressBook for a server the user just typed, rate-limited per account across processes.
 * @throws PosternError RATE_LIMITED, and whatever checkAddressBook throws
 */
export async function testAddressBook(account: string, conn: { url: string; username: string; password: string }): Promise<void> {
  const key = accountKey(account);
  const wait = await tests.retryAfter([key]);
  if (wait > 0) throw new PosternError("RATE_LIMITED", `Too many address book servers tried. Try again in ${Math.ceil(wait / 60)} minutes.`);
  // every test counts, not only failed ones
  await tests.recordFailure([key]);
  await checkAddressBook(conn);
}
