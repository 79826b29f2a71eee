// The composer's English sentence for a message that did not go out (shared by the page and the
// browser: no server imports); other languages: app/mail/compose/not-sent-text.ts.

/** "Not sent — saved in Drafts: <reason>", or, when not even the draft could be saved,
 * "Not sent: <reason> Your message is still here." The reason is the error's message without its
 * own "The message was not sent" opening. */
export function notSentNotice(message: string | null, keptInDrafts = true): string {
  const reason = (message ?? "").replace(/^the message was not sent\s*[:.]?\s*/i, "").trim();
  const lowered = /^(The|It) /.test(reason) ? reason[0].toLowerCase() + reason.slice(1) : reason;
  if (!keptInDrafts) return `Not sent${reason ? `: ${lowered}` : "."} Your message is still here.`;
  return `Not sent — saved in Drafts${reason ? `: ${lowered}` : "."}`;
}
