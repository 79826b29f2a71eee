"use client";
import { useTranslations } from "next-intl";
import { StarIcon } from "./icons";

/** Actions on the open message. The message list owns all actions (optimistic state, undo), so
 * these buttons hand the request to it instead of calling the server themselves. */
export type OpenMessageAction = { kind: "star" | "unstar" | "unread" | "delete" | "spam" | "notspam"; uid: number };

export const OPEN_MESSAGE_ACTION_EVENT = "postern:open-message-action";

function send(detail: OpenMessageAction) {
  window.dispatchEvent(new CustomEvent<OpenMessageAction>(OPEN_MESSAGE_ACTION_EVENT, { detail }));
}

export function MessageActions({ uid, flagged, inTrash, inJunk = false }: { uid: number; flagged: boolean; inTrash: boolean; inJunk?: boolean }) {
  const t = useTranslations("list");
  return (
    <div className="message-actions" role="toolbar" aria-label={t("messageActions")}>
      <button
        type="button"
        className={flagged ? "star on" : "star"}
        aria-pressed={flagged}
        onClick={() => send({ kind: flagged ? "unstar" : "star", uid })}
      >
        <StarIcon /> {flagged ? t("starred") : t("star")}
      </button>
      <button type="button" onClick={() => send({ kind: "unread", uid })}>
        {t("markUnread")}
      </button>
      <button type="button" onClick={() => send({ kind: inJunk ? "notspam" : "spam", uid })}>
        {inJunk ? t("notSpam") : t("spam")}
      </button>
      <button type="button" className="danger" onClick={() => send({ kind: "delete", uid })}>
        {inTrash ? t("deleteForever") : t("delete")}
      </button>
    </div>
  );
}
