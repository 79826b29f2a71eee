import { filtersSchema, type Filters } from "./filter-rules";
import { DATA_MARKER } from "./write-script";

/** The rules Postern wrote into `script`, or null for a script Postern did not write (or one
 * whose data line was damaged by hand: it is then treated as hand-written, never overwritten). */
export function readScript(script: string): Filters | null {
  const line = script.split(/\r?\n/).find((l) => l.startsWith(DATA_MARKER));
  if (!line) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(line.slice(DATA_MARKER.length).trim(), "base64url").toString("utf8"));
    const parsed = filtersSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
