"use client";
import { useEffect } from "react";

/**
 * After the language was changed (Settings → Appearance), loads the page anew. A server action's
 * redirect re-renders only the page, not the root layout: `<html lang>` and the client
 * components' catalog (app/layout.tsx) would stay in the old language. Placed in pages that can
 * change the language; `lang` is the language this render used.
 */
export function ReloadOnNewLanguage({ lang }: { lang: string }) {
  useEffect(() => {
    if (document.documentElement.lang !== lang) window.location.reload();
  }, [lang]);
  return null;
}
