import type { Logger } from "pino";
import { safeError } from "./logger";

type ConsoleMethod = (...args: unknown[]) => void;

/**
 * Turns console.error / console.warn calls (Postern's older "[tag]" lines, and Next's own error
 * reports) into JSON log lines: the text arguments joined as the message, an Error argument
 * through safeError (type, code, first line, stack: never its other properties, which may hold
 * a server's response or a request), and any other object left out, since it may hold anything.
 * The request id comes with the logger (request-context.ts).
 */
export function consoleToLog(logger: () => Logger, target: Pick<Console, "error" | "warn"> = console): void {
  target.error = forward(logger, "error");
  target.warn = forward(logger, "warn");
}

function forward(logger: () => Logger, level: "error" | "warn"): ConsoleMethod {
  return (...args) => {
    const error = args.find((a): a is Error => a instanceof Error);
    const text = args
      .filter((a) => typeof a === "string" || typeof a === "number" || typeof a === "boolean")
      .join(" ")
      .slice(0, 1000);
    const omitted = args.filter((a) => a !== error && a !== null && typeof a === "object").length;
    logger()[level]({ ...(error ? { err: error } : {}), ...(omitted ? { omitted } : {}) }, text || (error ? safeError(error).message : "(no message)"));
  };
}
