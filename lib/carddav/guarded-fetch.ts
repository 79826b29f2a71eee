import { Agent, fetch as undiciFetch } from "undici";
import { PosternError, isPosternError } from "@/lib/http/errors";
import { checkedLookup, resolveUserHost } from "@/lib/net/user-host";

/** Redirects followed at most (RFC 6764 discovery needs one or two). */
const MAX_REDIRECTS = 5;
/** A CardDAV request that takes longer is a server that is gone. */
const REQUEST_TIMEOUT_MS = 30_000;

// One agent for every CardDAV request: its sockets resolve names through lib/net's checked lookup,
// so an internal address is refused at connect time, a DNS answer that changes after the first
// check (rebinding) included. No state but pooled sockets, so one per process is right.
let agent: Agent | undefined;
const guardedAgent = () => (agent ??= new Agent({ connect: { lookup: checkedLookup(), timeout: 10_000 } }));

/**
 * fetch for user-typed CardDAV servers (given to tsdav): every URL, the first and each redirect
 * target, is checked by lib/net before a connection is made. IP literals never reach a lookup,
 * so each hop's host is also checked with resolveUserHost; redirects are followed here, not by
 * fetch, for that reason (or handed back, with `redirect: "manual"`). Only http and https.
 * @throws PosternError HOST_REFUSED for an internal address, BAD_REQUEST for a bad URL or host
 */
export async function guardedFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  let url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  let method = init.method ?? "GET";
  let body = init.body;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new PosternError("BAD_REQUEST", "The address book URL must start with https:// or http://.");
    await resolveUserHost(url.hostname);
    let response: Response;
    try {
      response = (await undiciFetch(url, {
        ...(init as object),
        method,
        body: body as string | undefined,
        redirect: "manual",
        dispatcher: guardedAgent(),
        signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })) as unknown as Response;
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      if (isPosternError(cause)) throw cause;
      throw new PosternError("CARDDAV_UNAVAILABLE", `The address book server at ${url.host} could not be reached.`, { cause: e });
    }
    const location = response.headers.get("location");
    // a caller that reads redirects itself (tsdav's RFC 6764 discovery) gets them; the target is
    // checked like any URL when it asks for it
    if (response.status < 300 || response.status > 399 || !location || init.redirect === "manual") return response;
    if (hop >= MAX_REDIRECTS) throw new PosternError("CARDDAV_UNAVAILABLE", "The address book server redirects too many times.");
    url = new URL(location, url);
    // RFC 9110 15.4: 303 (and, by custom, 301/302 after POST) go on as GET without a body
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
    }
  }
}
