import { getMetrics } from "./metrics";

type Exec = (command: string, attributes?: unknown, options?: unknown) => Promise<unknown>;

/**
 * Times every command `client` sends and counts its failures. imapflow funnels each command,
 * LOGIN and SELECT included, through its exec() method, so wrapping that one method on the
 * instance (before connect) sees them all. IDLE is left out: it lasts as long as nothing happens.
 */
export function instrumentImapCommands(client: object): void {
  const target = client as { exec?: Exec };
  if (typeof target.exec !== "function") return; // another imapflow shape: no metrics, no harm
  const exec = target.exec.bind(client);
  target.exec = async (command, attributes, options) => {
    const name = imapCommandLabel(command);
    if (name === "IDLE") return exec(command, attributes, options);
    const metrics = getMetrics();
    const end = metrics.imapCommandDuration.startTimer({ command: name });
    try {
      return await exec(command, attributes, options);
    } catch (e) {
      metrics.imapCommandErrors.inc({ command: name, kind: imapErrorKind(e) });
      throw e;
    } finally {
      end();
    }
  };
}

/** The command's verb ("UID FETCH", "SELECT"): imapflow's own constants, checked all the same. */
export function imapCommandLabel(command: unknown): string {
  const name = typeof command === "string" ? command.trim().toUpperCase() : "";
  return /^[A-Z][A-Z0-9 ]{0,24}$/.test(name) ? name : "OTHER";
}

/** "no" / "bad" for the server's refusals, "connection" for a lost or timed-out connection. */
export function imapErrorKind(e: unknown): "no" | "bad" | "connection" | "other" {
  const err = (e ?? {}) as { responseStatus?: unknown; code?: unknown };
  const status = typeof err.responseStatus === "string" ? err.responseStatus.toUpperCase() : "";
  if (status === "NO") return "no";
  if (status === "BAD") return "bad";
  const code = typeof err.code === "string" ? err.code : "";
  return /connection|closed|timeout|socket|ECONN|EPIPE|ETIMEDOUT/i.test(code) ? "connection" : "other";
}
