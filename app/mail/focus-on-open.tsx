"use client";
import { useEffect } from "react";

/**
 * Moves keyboard focus to an element (the opened message's heading) when what it shows changes,
 * so a screen reader reads the new message and Tab continues from it, not from the list's top.
 */
export function FocusOnOpen({ targetId, openKey }: { targetId: string; openKey: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId, openKey]);
  return null;
}
