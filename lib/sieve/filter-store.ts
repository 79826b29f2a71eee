import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { mailTlsSettings } from "@/lib/imap/connection-options";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { NO_FILTERS, type Filters } from "./filter-rules";
import { ManageSieveClient, ManageSieveConnectionError, ManageSieveError } from "./managesieve-client";
import { readScript } from "./read-script";
import { writeScript } from "./write-script";

/** Postern's own script on the server; other scripts are the user's and are never written. */
export const POSTERN_SCRIPT = "postern-filters";

/** A script Postern did not write, shown read-only. */
export type ForeignScript = { name: string; script: string; active: boolean };

export type FilterState = {
  filters: Filters;
  /** Whether Postern's script is the one the server runs. */
  active: boolean;
  /** The active script when it is not Postern's (hand-written, or another client's). */
  foreign: ForeignScript | null;
  /** Postern's script as the server holds it, null before the first save. */
  script: string | null;
};

async function withSieve<T>(imap: ImapIdentity, fn: (c: ManageSieveClient) => Promise<T>): Promise<T> {
  const config = getConfig();
  let client: ManageSieveClient;
  try {
    client = await ManageSieveClient.connect({
      host: config.IMAP_HOST,
      port: config.SIEVE_PORT,
      security: config.SIEVE_TLS,
      tls: mailTlsSettings(config),
      user: imap.credentials.user,
      pass: imap.credentials.pass,
    });
  } catch (e) {
    if (e instanceof ManageSieveError) throw new PosternError("SIEVE_UNAVAILABLE", "The filter server did not accept your sign-in.", { cause: e });
    throw new PosternError("SIEVE_UNAVAILABLE", "The filter server cannot be reached right now. Please try again in a moment.", { cause: e });
  }
  try {
    return await fn(client);
  } catch (e) {
    if (e instanceof ManageSieveConnectionError) throw new PosternError("SIEVE_UNAVAILABLE", "The connection to the filter server broke. Please try again.", { cause: e });
    throw e;
  } finally {
    await client.logout();
  }
}

/** Postern's rules and vacation reply as stored on the server, and any other active script. */
export function loadFilters(imap: ImapIdentity): Promise<FilterState> {
  return withSieve(imap, async (c) => {
    const scripts = await c.listScripts();
    const own = scripts.find((s) => s.name === POSTERN_SCRIPT);
    const ownText = own ? await c.getScript(POSTERN_SCRIPT) : null;
    const filters = ownText !== null ? readScript(ownText) : null;
    const activeOther = scripts.find((s) => s.active && (s.name !== POSTERN_SCRIPT || filters === null));
    const foreign = activeOther
      ? { name: activeOther.name, script: activeOther.name === POSTERN_SCRIPT ? (ownText ?? "") : await c.getScript(activeOther.name), active: true }
      : null;
    return { filters: filters ?? NO_FILTERS, active: Boolean(own?.active && filters), foreign, script: filters ? ownText : null };
  });
}

/**
 * Writes the rules as Postern's script, has the server check it, and makes it the active one. A
 * script of the user's stays on the server, inactive; one that took Postern's name is refused.
 * `addresses`: the user's identities, which the vacation reply answers for too.
 * @throws PosternError SIEVE_REJECTED (with the server's reason) | CONFLICT | SIEVE_UNAVAILABLE
 */
export function saveFilters(imap: ImapIdentity, filters: Filters, opts: { addresses?: string[] } = {}): Promise<void> {
  const script = writeScript(filters, opts);
  return withSieve(imap, async (c) => {
    const scripts = await c.listScripts();
    if (scripts.some((s) => s.name === POSTERN_SCRIPT) && readScript(await c.getScript(POSTERN_SCRIPT)) === null) {
      throw new PosternError("CONFLICT", `A script of yours is named "${POSTERN_SCRIPT}"; rename it so Postern does not overwrite it.`);
    }
    try {
      await c.checkScript(script);
      await c.putScript(POSTERN_SCRIPT, script);
      await c.setActive(POSTERN_SCRIPT);
    } catch (e) {
      if (e instanceof ManageSieveError) throw new PosternError("SIEVE_REJECTED", `The mail server refused the filters: ${e.message.trim()}`, { cause: e });
      throw e;
    }
  });
}
