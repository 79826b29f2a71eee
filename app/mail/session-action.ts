import { redirect } from "next/navigation";
import { requireMailSession } from "@/auth";
import { CSRF_FIELD, isValidCsrfToken } from "@/lib/http/csrf-token";
import { noticeUrl } from "@/lib/http/signed-notice";
import { noticeKey } from "@/app/i18n/notice-key";

export type ActionSession = Awaited<ReturnType<typeof requireMailSession>>;

/** The actions sessionAction made, so a test can tell them from any other exported function. */
const madeHere = new WeakSet<object>();

/** Said on the page the refused form came from (a catalog notice, app/i18n/notice-key.ts). */
export const CSRF_REFUSED = noticeKey("csrfRefused");

/**
 * Every server action that acts for the signed-in user is made by this (a test in
 * app/server-actions.csrf.test.ts holds every "use server" file to it). Next only compares the
 * request's Origin with its Host, and lets a request without an Origin through; so, as for the
 * JSON routes (app/api/session-route.ts), the form must also carry the session's CSRF token
 * (the hidden field of csrf-field.tsx), which another origin cannot read. The token is checked
 * before `work` sees the form: a refused request changes nothing and comes back to `failTo` with
 * an error notice. A client component calling an action directly must put the field in the
 * FormData itself (the token is in the page's meta, mutation-headers.ts).
 */
export function sessionAction(
  failTo: string,
  work: (session: ActionSession, form: FormData) => Promise<void>,
): (form: FormData) => Promise<void> {
  const action = async (form: FormData): Promise<void> => {
    const session = await requireMailSession();
    // An action request can carry any serializable argument, not only the form it is meant for.
    const token = form instanceof FormData ? form.get(CSRF_FIELD) : null;
    if (!isValidCsrfToken(typeof token === "string" ? token : null, session.id)) {
      redirect(noticeUrl(failTo, { kind: "error", text: CSRF_REFUSED }));
    }
    await work(session, form);
  };
  madeHere.add(action);
  return action;
}

/**
 * sessionAction for a form whose answer stays on the page (useActionState): `work` returns the
 * form's next state; a refused token returns `refused` and runs nothing. For answers that must
 * not be put in a URL (recovery codes, shown once).
 */
export function sessionStateAction<S>(
  refused: S,
  work: (session: ActionSession, form: FormData) => Promise<S>,
): (prev: S, form: FormData) => Promise<S> {
  const action = async (_prev: S, form: FormData): Promise<S> => {
    const session = await requireMailSession();
    const token = form instanceof FormData ? form.get(CSRF_FIELD) : null;
    if (!isValidCsrfToken(typeof token === "string" ? token : null, session.id)) return refused;
    return work(session, form);
  };
  madeHere.add(action);
  return action;
}

/** Whether `value` is an action made by sessionAction or sessionStateAction (app/server-actions.csrf.test.ts asks). */
export function isSessionAction(value: unknown): boolean {
  return typeof value === "function" && madeHere.has(value);
}
