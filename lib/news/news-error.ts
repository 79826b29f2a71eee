import { PosternError } from "@/lib/http/errors";
import { NntpConnectionError, NntpProtocolError, NntpResponseError } from "@/lib/nntp/errors";

/** Maps what lib/nntp throws onto what the user reads. Unknown errors pass through. */
export function toNewsError(e: unknown): unknown {
  if (e instanceof PosternError) return e;
  if (e instanceof NntpConnectionError) return new PosternError("NEWS_UNAVAILABLE", `${e.message} Try again in a moment.`, { cause: e });
  if (e instanceof NntpProtocolError) {
    return e.reason === "too-large"
      ? new PosternError("MESSAGE_TOO_LARGE", "This article is too large to display.", { cause: e })
      : new PosternError("NEWS_UNAVAILABLE", "The news server sent an answer Postern cannot read.", { cause: e });
  }
  if (e instanceof NntpResponseError) {
    const said = e.text ? ` The server said: ${e.text.slice(0, 200)}` : "";
    switch (e.code) {
      case 480:
      case 481:
      case 482:
      case 483:
        return new PosternError("NEWS_AUTH_FAILED", `The news server did not accept your news user name and password (check them in Settings).${said}`, { cause: e });
      case 411:
        return new PosternError("NOT_FOUND", "There is no such newsgroup on the news server.", { cause: e });
      case 420:
      case 423:
      case 430:
        return new PosternError("NOT_FOUND", "This article is no longer on the news server.", { cause: e });
      case 440:
        return new PosternError("NEWS_REJECTED", "The news server does not let you post.", { cause: e });
      case 441:
        return new PosternError("NEWS_REJECTED", `The news server refused the article.${said}`, { cause: e });
      case 502:
        return new PosternError("NEWS_REJECTED", `The news server does not allow this.${said}`, { cause: e });
      default:
        return new PosternError("NEWS_UNAVAILABLE", `The news server could not do this (${e.command}).${said}`, { cause: e });
    }
  }
  return e;
}
