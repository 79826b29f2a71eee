"use client";
import { useErrorText } from "@/app/i18n/use-error-text";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { mutationHeaders } from "./mutation-headers";

type Props = { folder: string; uid: number; notifyTo: string };

/** A message asks for a read receipt: Postern never answers by itself; the user chooses. */
export function MdnPrompt({ folder, uid, notifyTo }: Props) {
  const t = useTranslations("mdn");
  const sayAnswerError = useErrorText();
  const [state, setState] = useState<{ kind: "asking" | "busy" } | { kind: "done" | "failed"; text: string }>({ kind: "asking" });

  async function answer(choice: "send" | "decline") {
    setState({ kind: "busy" });
    const res = await fetch("/api/messages/mdn", {
      method: "POST",
      headers: mutationHeaders({ "content-type": "application/json" }),
      body: JSON.stringify({ folder, uid, answer: choice }),
    }).catch(() => null);
    if (res?.ok) return setState({ kind: "done", text: choice === "send" ? t("sent", { to: notifyTo }) : t("declined") });
    setState({ kind: "failed", text: sayAnswerError(await res?.json().catch(() => null), t("unreachable")) });
  }

  if (state.kind === "done") return <div className="notice" role="status" data-testid="mdn-prompt">{state.text}</div>;
  return (
    <div className="notice" role="status" data-testid="mdn-prompt">
      {t.rich("asks", { who: () => <span translate="no">{notifyTo}</span> })}{" "}
      <button type="button" className="link-button-inline" disabled={state.kind === "busy"} onClick={() => void answer("send")}>
        {t("send")}
      </button>{" "}
      <button type="button" className="link-button-inline" disabled={state.kind === "busy"} onClick={() => void answer("decline")}>
        {t("decline")}
      </button>
      {state.kind === "failed" && <span className="mdn-error"> {state.text}</span>}
    </div>
  );
}
