import type { Pop3Connection } from "../connection";
import { Pop3ResponseError } from "../errors";

const MAX_CAPA_BYTES = 64 * 1024;

/** The server's capabilities by upper-case name, with their arguments (RFC 2449 5). A server
 * without CAPA (-ERR) has none Postern may rely on: an empty map. */
export async function readCapabilities(connection: Pop3Connection): Promise<Map<string, string[]>> {
  try {
    const { lines } = await connection.commandWithBlock("CAPA", MAX_CAPA_BYTES);
    const caps = new Map<string, string[]>();
    for (const line of lines) {
      const [name, ...args] = line.toString("latin1").trim().split(/\s+/);
      if (name) caps.set(name.toUpperCase(), args);
    }
    return caps;
  } catch (e) {
    if (e instanceof Pop3ResponseError) return new Map();
    throw e;
  }
}
