import { accountKey } from "@/lib/contacts/contact-store";
import { FailureLimiter } from "@/lib/http/failure-limiter";
import { PosternError } from "@/lib/http/errors";
import { resolveAddressBook, type FoundAddressBook } from "./discover-address-book";

/** Connection tests an account may make in the window: each makes Postern connect to a host the
 * user typed, so a burst of them is a port scan through Postern, whatever their outcome. */
export const MAX_CARDDAV_TESTS = 10;
const WINDOW_MS = 10 * 60_000;
const tests = new FailureLimiter("carddav-test", MAX_CARDDAV_TESTS, WINDOW_MS);

/**
 * The address book a URL the user just typed means (the book itself, or found from the server's
 * address), checked by a signed-in PROPFIND; rate-limited per account across processes.
 * @throws PosternError RATE_LIMITED, and whatever resolveAddressBook throws
 */
export async function testAddressBook(account: string, conn: { url: string; username: string; password: string }): Promise<FoundAddressBook> {
  const key = accountKey(account);
  const wait = await tests.retryAfter([key]);
  if (wait > 0) throw new PosternError("RATE_LIMITED", `Too many address book servers tried. Try again in ${Math.ceil(wait / 60)} minutes.`);
  // every test counts, not only failed ones
  await tests.recordFailure([key]);
  return resolveAddressBook(conn);
}
