import type { NntpResponse } from "./connection";
import { NntpResponseError } from "./errors";

/** Returns the response when its code is one of `codes`. @throws NntpResponseError otherwise */
export function expectCode(response: NntpResponse, codes: readonly number[], command: string): NntpResponse {
  if (!codes.includes(response.code)) throw new NntpResponseError(response.code, response.text, command);
  return response;
}

/** A wildmat or group name as one command argument: no spaces or control characters (RFC 3977 4). */
export function checkArgument(value: string, what: string): string {
  if (!value || /[\s\x00-\x1f\x7f]/.test(value) || value.length > 497) throw new NntpResponseError(501, `invalid ${what}`, what);
  return value;
}
