import { PosternError } from "@/lib/http/errors";
import { Pop3ConnectionError, Pop3ProtocolError, Pop3ResponseError } from "@/lib/pop3/errors";

const AUTH_COMMANDS = new Set(["USER", "PASS", "APOP"]);

/** Maps what lib/pop3 throws onto what the user reads. Unknown errors pass through. */
export function toCollectError(e: unknown): unknown {
  if (e instanceof PosternError) return e;
  if (e instanceof Pop3ConnectionError) {
    const hint = e.reason === "tls" ? " Check the security setting (TLS, STARTTLS) and the port." : " Try again later.";
    return new PosternError("POP3_UNAVAILABLE", `${e.message}${hint}`, { cause: e });
  }
  if (e instanceof Pop3ProtocolError) {
    return new PosternError("POP3_UNAVAILABLE", `The POP3 server sent an answer Postern cannot read (${e.message})`, { cause: e });
  }
  if (e instanceof Pop3ResponseError) {
    const said = e.text ? ` The server said: ${e.text.slice(0, 200)}` : "";
    if (e.responseCode === "IN-USE") return new PosternError("POP3_UNAVAILABLE", `Another program is reading this POP3 mailbox right now.${said}`, { cause: e });
    if (e.responseCode === "AUTH" || AUTH_COMMANDS.has(e.command)) {
      return new PosternError("POP3_AUTH_FAILED", `The POP3 server did not accept the user name and password.${said}`, { cause: e });
    }
    if (e.command === "UIDL") return new PosternError("POP3_UNAVAILABLE", "The POP3 server does not give messages unique ids (UIDL), which Postern needs to fetch nothing twice.", { cause: e });
    return new PosternError("POP3_UNAVAILABLE", `The POP3 server could not do this (${e.command.split(" ")[0]}).${said}`, { cause: e });
  }
  return e;
}
