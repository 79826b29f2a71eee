"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useErrorText } from "@/app/i18n/use-error-text";
import type { OutboxStatus, QueuedMessage } from "@/lib/compose/compose-types";
import { mutationHeaders } from "../mutation-headers";

const POLL_MS = 1000;

type Options = {
  back: string;
  /** Undo worked (here or in another tab): the message is a draft again. */
  onUndone: (job: QueuedMessage) => void;
  /** It could not be sent: the reason, and the draft it stays in. */
  onFailed: (job: QueuedMessage) => void;
  /** The server no longer knows the message (404): it was not sent, its draft is what is shown. */
  onLost: (job: QueuedMessage) => void;
};

async function postUndo(id: string): Promise<{ ok: boolean; body: unknown }> {
  const res = await fetch("/api/compose/undo", {
    method: "POST",
    headers: mutationHeaders({ "content-type": "application/json" }),
    body: JSON.stringify({ id }),
  }).catch(() => null);
  return { ok: Boolean(res?.ok), body: await res?.json().catch(() => null) };
}

/**
 * Follows a message waiting out the undo delay on the server: counts down, asks the server how
 * it stands, goes back to the folder once it is sent, and offers Undo until then.
 */
export function useOutbox(initial: QueuedMessage | null, opts: Options) {
  const [queued, setQueued] = useState<QueuedMessage | null>(initial);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [undoError, setUndoError] = useState<string | null>(null);
  // Why the server's answer is missing right now (Postern restarting, the session ended), if it is.
  const [unanswered, setUnanswered] = useState<string | null>(null);
  const latest = useRef(opts);
  latest.current = opts;
  const translate = useTranslations("compose");
  // read by the poller, which is not made again when the language is
  const t = useRef(translate);
  t.current = translate;
  const sayAnswerError = useErrorText();

  useEffect(() => {
    if (!queued) return;
    const deadline = Date.now() + queued.remainingMs;
    const tick = () => setSecondsLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    tick();
    const ticker = setInterval(tick, 250);
    let stopped = false;
    const poll = setInterval(async () => {
      const res = await fetch(`/api/compose/outbox?${new URLSearchParams({ id: queued.id, back: latest.current.back })}`).catch(() => null);
      if (stopped) return;
      // Unknown to the server (a 401 is a session to renew, and no answer a restart: ask again).
      if (res?.status === 404) return finish(() => latest.current.onLost(queued));
      const status = (await res?.json().catch(() => null)) as OutboxStatus | null;
      if (stopped) return;
      setUnanswered(
        status?.job ? null : res?.status === 401 ? t.current("outboxSessionEnded") : t.current("outboxUnreachable"),
      );
      if (!status?.job) return;
      if (status.job.state === "sent" && status.redirect) window.location.assign(status.redirect);
      else if (status.job.state === "failed") finish(() => latest.current.onFailed(status.job));
      else if (status.job.state === "cancelled") finish(() => latest.current.onUndone(status.job));
    }, POLL_MS);
    const finish = (then: () => void) => {
      stopped = true;
      setQueued(null);
      then();
    };
    return () => {
      stopped = true;
      clearInterval(ticker);
      clearInterval(poll);
    };
  }, [queued]);

  async function undo() {
    if (!queued) return;
    setUndoError(null);
    const res = await postUndo(queued.id);
    if (!res.ok) return setUndoError(sayAnswerError(res.body, t.current("unreachableShort")));
    const job = queued;
    setQueued(null);
    latest.current.onUndone(job);
  }

  return { queued, secondsLeft, undoError, unanswered, start: setQueued, undo };
}
