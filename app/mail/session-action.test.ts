import { describe, expect, it, vi } from "vitest";
import { CSRF_FIELD, csrfTokenFor } from "@/lib/http/csrf-token";
import { readNotice } from "@/lib/http/signed-notice";

// The framework's edges only: who is signed in (auth.ts) and Next's redirect, which throws.
const edge = vi.hoisted(() => ({
  session: { id: "session-a", email: "bob@example.test", credentials: {}, clientIp: null, imap: {} },
  Redirected: class Redirected extends Error {
    constructor(readonly url: string) {
      super(`redirect to ${url}`);
    }
  },
}));
vi.mock("@/auth", () => ({ requireMailSession: async () => edge.session }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new edge.Redirected(url);
  },
}));
vi.stubEnv("POSTERN_SECRET_KEY", "11".repeat(32));

const { CSRF_REFUSED, isSessionAction, sessionAction } = await import("./session-action");

function formWith(token?: string): FormData {
  const form = new FormData();
  form.set("preferPlainText", "yes");
  if (token !== undefined) form.set(CSRF_FIELD, token);
  return form;
}

/** Where the action sent the browser, and the notice it carried. */
async function refusal(run: Promise<void>): Promise<{ path: string; notice: ReturnType<typeof readNotice> }> {
  const e = await run.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof edge.Redirected)) throw new Error(`expected a redirect, got ${String(e)}`);
  const url = new URL(e.url, "http://postern.test");
  return { path: url.pathname, notice: readNotice(Object.fromEntries(url.searchParams)) };
}

describe("sessionAction", () => {
  it("refuses a form without the session's token before the work sees it", async () => {
    const own = csrfTokenFor("session-a");
    const forms: [string, unknown][] = [
      ["no token", formWith()],
      ["empty token", formWith("")],
      ["made-up token", formWith("1")],
      ["one character off", formWith(own.slice(0, -1) + (own.endsWith("A") ? "B" : "A"))],
      ["another session's token", formWith(csrfTokenFor("session-b"))],
      ["the token, but not in a form", { [CSRF_FIELD]: own }],
      ["no argument at all", undefined],
    ];
    for (const [label, form] of forms) {
      const work = vi.fn(async () => undefined);
      const action = sessionAction("/mail/settings", work);
      const { path, notice } = await refusal(action(form as FormData));
      expect(path, label).toBe("/mail/settings");
      expect(notice, label).toEqual({ kind: "error", text: CSRF_REFUSED });
      expect(work, label).not.toHaveBeenCalled();
    }
  });

  it("runs the work with the session and the form when the token is the session's", async () => {
    const work = vi.fn(async () => undefined);
    const form = formWith(csrfTokenFor("session-a"));
    await sessionAction("/mail/settings", work)(form);
    expect(work).toHaveBeenCalledWith(edge.session, form);
  });
});

describe("isSessionAction", () => {
  it("knows the actions sessionAction made and nothing else", () => {
    const work = async () => undefined;
    expect(isSessionAction(sessionAction("/mail", work))).toBe(true);
    expect(isSessionAction(work)).toBe(false);
    expect(isSessionAction(async (form: FormData) => void form)).toBe(false);
    expect(isSessionAction(undefined)).toBe(false);
  });
});
