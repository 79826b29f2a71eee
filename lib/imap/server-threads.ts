import type { ImapFlow } from "imapflow";
import { isConnectionError } from "./classify-error";

type Token = { type?: string; value?: unknown } | Token[];

type Exec = {
  exec(
    command: string,
    attributes: unknown[],
    options: { untagged: Record<string, (u: { attributes?: Token[] }) => Promise<void>> },
  ): Promise<{ next(): void }>;
};

/** Whether the server threads by itself (RFC 5256 THREAD=REFERENCES; Dovecot does, Gmail does not). */
export function supportsServerThreads(client: Pick<ImapFlow, "capabilities">): boolean {
  return client.capabilities.has("THREAD=REFERENCES");
}

function collectUids(token: Token, into: number[]): void {
  if (Array.isArray(token)) for (const t of token) collectUids(t, into);
  else if (typeof token.value === "string" && /^\d+$/.test(token.value)) into.push(Number(token.value));
}

/**
 * The threads of a THREAD response as lists of UIDs. The parser gives each top-level
 * parenthesized thread as a nested array ("(3 6 (4 23)(44 7 96))"); only membership matters here,
 * the tree shape inside a thread is not kept.
 */
export function readThreadResponse(attributes: readonly Token[]): number[][] {
  return attributes.map((thread) => {
    const uids: number[] = [];
    collectUids(thread, uids);
    return uids;
  });
}

/**
 * `UID THREAD REFERENCES UTF-8 ALL`: the server threads the whole folder from its own index and
 * sends only UIDs (about 7 bytes a message). imapflow has no THREAD method; exec() with an
 * untagged handler is the seam its own commands (SEARCH, MOVE) use.
 * @returns the threads, or null when the server refused the command (the caller threads itself)
 */
export async function fetchServerThreads(client: ImapFlow): Promise<number[][] | null> {
  const threads: number[][] = [];
  const atoms = ["REFERENCES", "UTF-8", "ALL"].map((value) => ({ type: "ATOM", value }));
  try {
    const response = await (client as unknown as Exec).exec("UID THREAD", atoms, {
      untagged: {
        THREAD: async (u) => {
          for (const t of readThreadResponse(u.attributes ?? [])) threads.push(t); // no spread: 100k arguments overflow
        },
      },
    });
    response.next();
    return threads;
  } catch (e) {
    if (isConnectionError(e) || !client.usable) throw e;
    const status = (e as { responseStatus?: string }).responseStatus;
    if (status === "NO" || status === "BAD") return null;
    throw e;
  }
}
