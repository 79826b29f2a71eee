"use client";
import { useEffect, useRef } from "react";

export type ShortcutHandlers = {
  next: () => void;
  previous: () => void;
  open: () => void;
  back: () => void;
  star: () => void;
  remove: () => void;
  /** Spam, or Not spam in Junk. */
  spam: () => void;
  select: () => void;
  help: () => void;
  search: () => void;
  compose: (kind: "new" | "reply" | "replyAll" | "forward") => void;
};

type Compose = { compose: "new" | "reply" | "replyAll" | "forward" };

/** Gmail-style keys. The list of keys shown to users lives in shortcut-help.tsx. */
const COMPOSE_KEYS: Record<string, Compose["compose"]> = { c: "new", r: "reply", a: "replyAll", f: "forward" };

const KEYMAP: Record<string, Exclude<keyof ShortcutHandlers, "compose">> = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  Enter: "open",
  o: "open",
  u: "back",
  s: "star",
  "#": "remove",
  "!": "spam",
  Delete: "remove",
  x: "select",
  "?": "help",
  "/": "search",
};

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** Keyboard shortcuts for the mail page, ignored while the user types in a field. */
export function useMailShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const composeKind = COMPOSE_KEYS[e.key];
      if (composeKind) {
        e.preventDefault();
        ref.current.compose(composeKind);
        return;
      }
      const name = KEYMAP[e.key];
      if (!name) return;
      // Enter on a focused link or button keeps its own meaning.
      if (e.key === "Enter" && (e.target as HTMLElement)?.closest?.("a, button")) return;
      e.preventDefault();
      ref.current[name]();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
