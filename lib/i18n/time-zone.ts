// The reader's time zone, as their browser names it (Intl's resolvedOptions().timeZone) in the
// `tz` cookie: only a real IANA zone is taken, anything else is UTC.

export const TIME_ZONE_COOKIE = "tz";

/** `name` when it is an IANA time zone this runtime knows, else null. */
export function validTimeZone(name: string | null | undefined): string | null {
  if (!name || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null; // RangeError: not a zone
  }
}
