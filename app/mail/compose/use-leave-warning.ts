"use client";
import { useEffect } from "react";

/** Asks before the tab is closed or left while `shouldWarn()` says something is not saved. The
 * browser shows its own wording; setting returnValue is what makes it ask. */
export function useLeaveWarning(shouldWarn: () => boolean): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!shouldWarn()) return;
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [shouldWarn]);
}
