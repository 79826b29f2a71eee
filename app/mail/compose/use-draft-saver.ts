"use client";
import { useEffect, useRef, useState } from "react";
import { DraftSaver, type SaveAttempt, type SaveState } from "@/lib/compose/draft-saver";

/** Quiet time after typing before a draft is saved. */
const AUTOSAVE_DELAY_MS = 3000;
const RETRY_MS = 15_000;

/** One DraftSaver for the composer's lifetime; `save` is read through a ref so it always sees
 * the latest state. */
export function useDraftSaver(save: () => Promise<SaveAttempt>): { saver: DraftSaver; saveState: SaveState } {
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const latest = useRef(save);
  latest.current = save;
  const holder = useRef<DraftSaver | null>(null);
  holder.current ??= new DraftSaver({ delayMs: AUTOSAVE_DELAY_MS, retryMs: RETRY_MS, save: () => latest.current(), onState: setSaveState });
  const saver = holder.current;
  useEffect(() => () => saver.dispose(), [saver]);
  return { saver, saveState };
}
