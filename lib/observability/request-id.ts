import crypto from "node:crypto";

/** What a request id may look like: what proxies generate (nginx's $request_id is 32 hex
 * digits, others use UUIDs); nothing that could break a log line or a header. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the one a trusted reverse proxy sent in X-Request-Id (so its logs and
 * Postern's join up), else a fresh one. Without a trusted proxy (TRUST_PROXY=0) a client's own
 * header is ignored, so nobody can plant ids in the logs.
 */
export function chooseRequestId(incoming: string | string[] | undefined, trustProxy: number): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (trustProxy > 0 && value && SAFE_ID.test(value)) return value;
  return crypto.randomUUID();
}
