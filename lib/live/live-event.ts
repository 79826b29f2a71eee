/** A message that just arrived, as much as a desktop notification shows. */
export type NewMail = { uid: number; from: string; subject: string };

/**
 * What a watcher tells the tabs of its user. Tabs re-read what they show rather than patching it,
 * so events only say where something changed.
 * - watching: the watcher is IDLE in `folder`, which holds `messages` messages (a tab whose page
 *   counted otherwise re-reads it: mail that came in between render and IDLE is not lost)
 * - changed: messages arrived, were expunged or changed flags in `folder`; `flagsOf`, when only
 *   flags changed, names the UIDs (a tab that just opened one of them and so set its \Seen has
 *   nothing new to read)
 * - new-mail: messages arrived in INBOX (for desktop notifications)
 * - ended: the watcher gave up (credentials refused); the tab stops listening
 */
export type LiveEvent =
  | { type: "watching"; folder: string; messages: number }
  | { type: "changed"; folder: string; flagsOf?: number[] }
  | { type: "new-mail"; folder: string; messages: NewMail[] }
  | { type: "ended"; reason: string };

export type LiveListener = { folder: string; send: (event: LiveEvent) => void };
