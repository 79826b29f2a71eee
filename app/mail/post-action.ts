import { mutationHeaders } from "./mutation-headers";
/** Client side of POST /api/messages/actions: mutationHeaders() carry the CSRF defence (header and token). */
export type ActionBody =
  | { action: "flag"; folder: string; selection: Selection; flag: "seen" | "flagged"; value: boolean }
  | { action: "move"; folder: string; selection: Selection; to: string }
  | { action: "copy"; folder: string; selection: Selection; to: string }
  | { action: "delete"; folder: string; selection: Selection; permanent?: boolean }
  /** Spam / Not spam: learn and move (lib/spam); "none" forgets and moves to `to` (undo). */
  | { action: "spam"; folder: string; selection: Selection; label: "spam" | "ham" | "none"; to?: string };

export type Selection = { uids: number[] } | { all: true };
export type MoveResult = { folder: string; uids: number[] };
export type ActionResult = {
  ok: true;
  moved?: MoveResult;
  copied?: MoveResult;
  deleted?: { kind: "trashed"; moved: MoveResult } | { kind: "expunged"; count: number };
  /** Spam / Not spam: how many messages the filter learned from (train-on-mistakes skips the rest). */
  training?: { learned: number; unlearned: number; alreadyKnown: number };
};

export class ActionError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The answer's JSON, for its error code and detail (app/i18n/use-error-text.ts says it). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export async function postAction(body: ActionBody): Promise<ActionResult> {
  const res = await fetch("/api/messages/actions", {
    method: "POST",
    headers: mutationHeaders({ "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as ActionResult | { error?: { message?: string } } | null;
  if (!res.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? "The server did not accept the request.";
    throw new ActionError(message, res.status, json);
  }
  return json as ActionResult;
}
