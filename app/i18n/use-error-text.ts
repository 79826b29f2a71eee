// An API answer's error ({ error: { code, message, detail? } }, lib/http/json-error.ts) in the
// reader's language, for client components: by its code and detail, as on the server.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { sayError, type RootTranslate } from "./say-error";

/** The `error` of a JSON answer, if it has one. */
export function answerError(body: unknown): { code: string; message: string; detail?: unknown } | null {
  const error = (body as { error?: { code?: unknown; message?: unknown; detail?: unknown } } | null)?.error;
  if (!error || typeof error.code !== "string") return null;
  return { code: error.code, message: typeof error.message === "string" ? error.message : "", detail: error.detail };
}

/** Says an API answer's error, or `fallback` when the answer carries none (Postern unreachable). */
export function useErrorText(): (body: unknown, fallback: string) => string {
  const locale = useLocale();
  const t = useTranslations();
  return useCallback(
    (body: unknown, fallback: string) => {
      const error = answerError(body);
      return error ? sayError(locale, t as unknown as RootTranslate, error) : fallback;
    },
    [locale, t],
  );
}
