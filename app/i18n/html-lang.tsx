"use client";
import { useEffect } from "react";

/** Keeps `<html lang>` right after a client-side navigation: the root layout's <html> is rendered
 * once per page load, so a language changed in Settings (a server action's redirect) would
 * otherwise leave the old one there. */
export function HtmlLang({ lang }: { lang: string }) {
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return null;
}
