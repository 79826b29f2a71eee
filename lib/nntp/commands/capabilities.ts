import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";

/** Capability label (upper case) -> its arguments. */
export type Capabilities = Map<string, string[]>;

/** CAPABILITIES (RFC 3977 5.2). A server from before RFC 3977 answers 500: no capabilities known. */
export async function readCapabilities(conn: NntpConnection): Promise<Capabilities> {
  const { response, lines } = await conn.commandWithBlock("CAPABILITIES", [101], 64 * 1024);
  const caps: Capabilities = new Map();
  if (response.code === 500 || response.code === 480) return caps;
  expectCode(response, [101], "CAPABILITIES");
  for (const line of lines ?? []) {
    const [label, ...args] = line.toString("utf8").trim().split(/\s+/);
    if (label) caps.set(label.toUpperCase(), args);
  }
  return caps;
}
