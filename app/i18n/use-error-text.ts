// An API answer's error ({ error: { code, message, detail? } }, lib/http/json-error.ts) in the
// reader's language, for client components: by its code and detail, as on the server.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { sayError, type RootTranslate } from "./say-error";

/** The `error` of a JSON answer, if it has one. */
export function answerError(body: unknown): { code: string; message: string; detail?: unknown } | null {
  const error = (body as { error?: { code?: unknown; message?: unknown; detail?: unknown } } | null)?.error;
  if (!error || typeof error.code !== "string") return null;
  return { code: error.code, message: typeof error.message === "string" ? error.message : "", detail: error.detail };
}

/**
 * The catalog's translator as sayError and notSentText ask for it (keys from the root:
 * "errors.X", "errorDetails.X", "compose.X"), made of those namespaces' own translators, so that
 * client-messages.ts knows to send them to the browser (client-messages.test.ts reads the names).
 */
export function useErrorTranslate(): RootTranslate {
  const errors = useTranslations("errors");
  const errorDetails = useTranslations("errorDetails");
  const compose = useTranslations("compose");
  // the same function while the language stays, so callers can keep it in hooks' dependencies
  return useMemo(() => {
    const namespaces = { errors, errorDetails, compose } as unknown as Record<string, RootTranslate>;
    const scoped = (key: string) => {
      const dot = key.indexOf(".");
      return { t: namespaces[key.slice(0, dot)] ?? namespaces.errors, key: key.slice(dot + 1) };
    };
    const say = (key: string, values?: Record<string, string | number>) => {
      const s = scoped(key);
      return s.t(s.key, values);
    };
    return Object.assign(say, { has: (key: string) => { const s = scoped(key); return s.t.has(s.key); } });
  }, [errors, errorDetails, compose]);
}

/** Says an API answer's error, or `fallback` when the answer carries none (Postern unreachable). */
export function useErrorText(): (body: unknown, fallback: string) => string {
  const locale = useLocale();
  const t = useErrorTranslate();
  return useCallback(
    (body: unknown, fallback: string) => {
      const error = answerError(body);
      return error ? sayError(locale, t, error) : fallback;
    },
    [locale, t],
  );
}
