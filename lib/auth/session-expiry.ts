/** True when a session unused since `lastSeenAt` has passed the idle timeout at `now`. */
export function isSessionExpired(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() >= idleMinutes * 60_000;
}

/** How often a live session's lastSeenAt is written: not on every request, to spare the database. */
export const TOUCH_INTERVAL_MS = 60_000;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
