import type { ImapFlow } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { isConnectionError } from "./classify-error";

type CommandFailure = { responseStatus?: string; responseText?: string; serverResponseCode?: string };

/**
 * The server's human text without its [RESPONSE-CODE] prefix or Dovecot's timing suffix
 * ("(0.001 + 0.000 secs)."), short enough to show.
 */
function serverText(e: CommandFailure): string {
  return (e.responseText ?? "")
    .replace(/^\[[^\]]*\]\s*/, "")
    .replace(/\s*\([\d.+ ]*secs\)\.?$/, "")
    .slice(0, 200)
    .trim();
}

/**
 * Maps a tagged NO/BAD from CREATE/RENAME/DELETE/SUBSCRIBE onto a PosternError using the RFC 5530
 * response code. A dropped connection passes through unchanged so withConnection can retry it.
 * @param what e.g. `create “Projects”`, used in the message for an unexpected refusal
 */
export function toFolderCommandError(e: unknown, client: Pick<ImapFlow, "usable">, what: string): unknown {
  if (e instanceof PosternError || isConnectionError(e) || !client.usable) return e;
  const failure = (e ?? {}) as CommandFailure;
  if (failure.responseStatus !== "NO" && failure.responseStatus !== "BAD") return e;
  switch (failure.serverResponseCode) {
    case "ALREADYEXISTS":
      return new PosternError("CONFLICT", `Cannot ${what}: a folder with that name already exists.`, { cause: e });
    case "NONEXISTENT":
      return new PosternError("NOT_FOUND", `Cannot ${what}: the folder does not exist (any more).`, { cause: e });
    case "NOPERM":
      return new PosternError("FORBIDDEN", `Cannot ${what}: the mail server does not allow it.`, { cause: e });
    default: {
      const text = serverText(failure);
      return new PosternError("BAD_REQUEST", `The mail server refused to ${what}${text ? `: ${text}` : "."}`, { cause: e });
    }
  }
}
