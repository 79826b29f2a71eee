import { FailureLimiter } from "@/lib/http/failure-limiter";
import { PosternError } from "@/lib/http/errors";
import { POP3_TEST_MAX_ATTEMPTS, POP3_TEST_WINDOW_MS } from "@/lib/limits";
import { listMessages } from "@/lib/pop3/commands/list-messages";
import { quit } from "@/lib/pop3/commands/retrieve";
import { toCollectError } from "./collect-error";
import { openPop3Account, type Pop3Server } from "./open-pop3-account";
import { ownerKey } from "./pop3-account-store";

// Counted in the shared database (FailureCount), so every process enforces the same limit.
const attempts = new FailureLimiter("pop3-test", POP3_TEST_MAX_ATTEMPTS, POP3_TEST_WINDOW_MS);

/**
 * Signs in to a POP3 server a user typed and lists its messages (UIDL, which collection needs),
 * under the per-user limit of such tests. Returns how many messages wait there.
 * @throws PosternError RATE_LIMITED | HOST_REFUSED | BAD_REQUEST | POP3_UNAVAILABLE | POP3_AUTH_FAILED
 */
export async function testPop3Server(email: string, server: Pop3Server): Promise<number> {
  const key = [ownerKey(email)];
  const wait = await attempts.retryAfter(key);
  if (wait > 0) throw new PosternError("RATE_LIMITED", `Too many server tests. Try again in ${Math.ceil(wait / 60)} minutes.`);
  await attempts.recordFailure(key);
  const connection = await openPop3Account(server);
  try {
    const count = (await listMessages(connection)).length;
    await quit(connection);
    return count;
  } catch (e) {
    throw toCollectError(e);
  } finally {
    connection.close();
  }
}
