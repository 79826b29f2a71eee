"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ComposeState, MessageRef, QueuedMessage, SaveDraftResult } from "@/lib/compose/compose-types";
import type { SaveAttempt } from "@/lib/compose/draft-saver";
import type { Identity } from "@/lib/identities/identity-types";
import { swapHtmlSignature, swapSignature } from "@/lib/identities/pick-identity";
import { composeUrl } from "../compose-links";
import { mailUrl } from "../mail-url";
import { AddressInput } from "./address-input";
import { AttachmentField } from "./attachment-field";
import { BodyField } from "./body-field";
import { applySaved, discardRequest, saveDraftRequest, sendRequest, type AttachmentItem, type ComposeFields, type ComposePayload } from "./post-compose";
import { useErrorText, useErrorTranslate } from "@/app/i18n/use-error-text";
import { notSentText } from "./not-sent-text";
import { OutboxBar } from "./outbox-bar";
import { SaveStatus } from "./save-status";
import { forgetUnsaved, findUnsaved, rememberUnsaved, type UnsavedCopy } from "./unsaved-copy";
import { useOutbox } from "./use-outbox";
import { useDraftSaver } from "./use-draft-saver";
import { useLeaveWarning } from "./use-leave-warning";
import styles from "./compose.module.css";

type Props = {
  initial: ComposeState;
  /** The identities the user can send as, default first. */
  identities: Identity[];
  /** Decoded attachment bytes the message may carry. */
  attachmentBudget: number;
  /** Folder to return to. */
  back: string;
  /** The message is waiting out the undo delay (the page was reloaded meanwhile). */
  queued?: QueuedMessage | null;
  /** Why the last send failed, when the page learnt it from the server. */
  initialError?: string | null;
  /** The signed-in address: an unsaved copy (unsaved-copy.ts) is only ever restored to its owner. */
  account: string;
  /** How long read links last by default (the account's setting). */
  readLinkDefaultDays?: number;
};

/** Expiry choices for read links, besides the account's default. */
const EXPIRY_CHOICES = [
  { days: 1, label: "expires1Day" },
  { days: 7, label: "expires1Week" },
  { days: 30, label: "expires30Days" },
  { days: 90, label: "expires3Months" },
  { days: 365, label: "expires1Year" },
] as const;

let nextId = 0;
const newId = () => `a${++nextId}`;

type Live = { fields: ComposeFields; items: AttachmentItem[]; draft: MessageRef | null };

/** The composer: fields, files, autosave to Drafts, Send. Nothing typed is lost: it is saved a
 * few seconds after each change, a failed send keeps it here and in Drafts, and leaving with
 * unsaved changes asks first. */
export function Composer({ initial, identities, attachmentBudget, back, queued = null, initialError = null, account, readLinkDefaultDays = 30 }: Props) {
  const t = useTranslations("compose");
  const locale = useLocale();
  const root = useErrorTranslate();
  const sayAnswerError = useErrorText();
  const { to, cc, bcc, subject, body, format, identityId, readLink } = initial;
  const readLinkDays = initial.readLinkDays ? String(initial.readLinkDays) : "";
  const [fields, setFields] = useState<ComposeFields>({ identity: identityId, to, cc, bcc, subject, body, format, readLink, readLinkDays });
  const [items, setItems] = useState<AttachmentItem[]>(() => initial.attachments.map((ref) => ({ id: newId(), kind: "kept", ref })));
  const [showCc, setShowCc] = useState(Boolean(cc || bcc));
  const [sending, setSending] = useState(Boolean(queued));
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(initialError);
  const [restored, setRestored] = useState<string | null>(null);
  // The latest state for async work (saves finish after renders); React state is for display.
  const live = useRef<Live>({ fields, items, draft: initial.draft });
  const leaving = useRef(false);

  const payload = (l: Live): ComposePayload => ({ fields: l.fields, items: l.items, context: initial.context, draft: l.draft, back });
  const unsavedCopy = (l: Live): UnsavedCopy => ({
    account,
    draft: l.draft,
    context: initial.context,
    fields: l.fields,
    kept: l.items.flatMap((i) => (i.kind === "kept" ? [i.ref] : [])),
    lostFiles: l.items.flatMap((i) => (i.kind === "file" ? [i.file.name] : [])),
  });
  const applyDraft = (snapshot: AttachmentItem[], saved: SaveDraftResult) => {
    followDraft(saved.draft);
    live.current.items = applySaved(live.current.items, snapshot, saved);
    setItems(live.current.items);
  };
  /** The address bar follows the saved draft (and a queued send): a reload reopens this version,
   * not a deleted one, and finds a message waiting to be sent. */
  const followDraft = (draft: MessageRef, outboxId?: string) => {
    live.current.draft = draft;
    const extra = new URLSearchParams({ back, ...(outboxId ? { outbox: outboxId } : {}) });
    window.history.replaceState(null, "", `${composeUrl("draft", draft.folder, draft.uid)}&${extra}`);
  };
  const backToEditing = (draft: MessageRef, message: string | null) => {
    followDraft(draft);
    setError(message);
    setSending(false);
    saver.resume();
  };

  const { saver, saveState } = useDraftSaver(async (): Promise<SaveAttempt> => {
    const snapshot = { ...live.current };
    const uploading = snapshot.items.some((i) => i.kind === "file");
    const res = await saveDraftRequest(payload(snapshot), uploading ? setProgress : undefined);
    setProgress(null);
    if (!res.ok) {
      rememberUnsaved(unsavedCopy(snapshot));
      return { ok: false, message: sayAnswerError(res, t("unreachableShort")), expired: res.status === 401 };
    }
    applyDraft(snapshot.items, res.value);
    if (!saver.dirty) forgetUnsaved();
    return { ok: true };
  });

  // Back after a reload or after signing in again: what could not be saved is put back, then saved.
  useEffect(() => {
    const copy = findUnsaved(account, initial.draft, initial.context);
    if (!copy) return;
    live.current.fields = copy.fields;
    setFields(copy.fields);
    live.current.items = copy.kept.map((ref): AttachmentItem => ({ id: newId(), kind: "kept", ref }));
    setItems(live.current.items);
    if (copy.fields.cc || copy.fields.bcc) setShowCc(true);
    const lost = copy.lostFiles.length ? ` ${t("attachAgain", { files: copy.lostFiles.join(", ") })}` : "";
    setRestored(`${t("restored")}${lost}`);
    saver.changed();
    // once, for the state the page was loaded with
  }, []);
  // Leaving (reload, sign-in) before the next save: keep what was typed in this tab.
  useEffect(() => {
    const keep = () => {
      if (saver.dirty && !leaving.current) rememberUnsaved(unsavedCopy(live.current));
    };
    window.addEventListener("pagehide", keep);
    return () => window.removeEventListener("pagehide", keep);
  }, [saver]);
  useLeaveWarning(useCallback(() => !leaving.current && saver.dirty, [saver]));
  const outbox = useOutbox(queued, {
    back,
    onUndone: (job) => backToEditing(job.draft, null),
    onFailed: (job) => backToEditing(job.draft, notSentText(locale, root, job.error)),
    onLost: (job) => backToEditing(job.draft, t("lostNotice")),
  });

  function change(patch: Partial<ComposeFields>) {
    live.current.fields = { ...live.current.fields, ...patch };
    setFields(live.current.fields);
    saver.changed();
  }
  /** Another From: its signature replaces the previous one's. */
  function changeIdentity(id: string) {
    const signatureOf = (identityId: string) => identities.find((i) => i.id === identityId)?.signature ?? "";
    const { body, format, identity } = live.current.fields;
    const swap = format === "html" ? swapHtmlSignature : swapSignature;
    change({ identity: id, body: swap(body, signatureOf(identity), signatureOf(id)) });
  }
  function changeItems(next: AttachmentItem[]) {
    live.current.items = next;
    setItems(next);
    saver.changed();
  }

  async function send() {
    if (sending) return;
    setSending(true);
    setError(null);
    await saver.pause();
    const snapshot = { ...live.current };
    const res = await sendRequest(payload(snapshot), setProgress);
    setProgress(null);
    if (res.ok) {
      const sent = res.value;
      if ("queued" in sent) {
        // Waiting on the server for Undo: saved as a draft, which is what Undo comes back to.
        applyDraft(snapshot.items, sent.draft);
        saver.markSaved();
        followDraft(sent.draft.draft, sent.queued.id);
        outbox.start(sent.queued);
        return;
      }
      leaving.current = true;
      forgetUnsaved();
      window.location.assign(sent.redirect);
      return;
    }
    if (res.error.draft) {
      applyDraft(snapshot.items, res.error.draft);
      saver.markSaved();
    }
    setError(
      res.status === 401
        ? t("sessionEnded")
        : notSentText(locale, root, res.error, Boolean(res.error.draft)),
    );
    setSending(false);
    saver.resume();
  }

  async function discard() {
    if (!window.confirm(t("confirmDiscard"))) return;
    leaving.current = true;
    await saver.pause();
    forgetUnsaved();
    if (live.current.draft) await discardRequest(live.current.draft);
    window.location.assign(mailUrl({ folder: back }));
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void send();
        }
      }}
      aria-label={t("label")}
    >
      <fieldset disabled={sending} className={styles.fields}>
        <label htmlFor="compose-from">{t("from")}</label>
        <div className={styles.withToggle}>
          <select id="compose-from" value={fields.identity} onChange={(e) => changeIdentity(e.target.value)}>
            {identities.map((i) => (
              <option key={i.id} value={i.id} translate="no">
                {i.name ? `${i.name} <${i.address}>` : i.address}
              </option>
            ))}
          </select>
          <a href="/mail/identities" className={styles.hint}>
            {t("identities")}
          </a>
        </div>
        <label htmlFor="compose-to">{t("to")}</label>
        <div className={styles.withToggle}>
          <AddressInput id="compose-to" value={fields.to} onChange={(to) => change({ to })} autoFocus={!fields.to} />
          {!showCc && (
            <button type="button" className="link" onClick={() => setShowCc(true)}>
              {t("ccBcc")}
            </button>
          )}
        </div>
        {showCc && (
          <>
            <label htmlFor="compose-cc">{t("cc")}</label>
            <AddressInput id="compose-cc" value={fields.cc} onChange={(cc) => change({ cc })} />
            <label htmlFor="compose-bcc">{t("bcc")}</label>
            <AddressInput id="compose-bcc" value={fields.bcc} onChange={(bcc) => change({ bcc })} />
          </>
        )}
        <label htmlFor="compose-subject">{t("subject")}</label>
        <input id="compose-subject" value={fields.subject} onChange={(e) => change({ subject: e.target.value })} />
      </fieldset>
      <AttachmentField
        items={items}
        budget={attachmentBudget}
        disabled={sending}
        onAdd={(files) => changeItems([...live.current.items, ...files.map((file): AttachmentItem => ({ id: newId(), kind: "file", file }))])}
        onRemove={(id) => changeItems(live.current.items.filter((i) => i.id !== id))}
      />
      <BodyField
        body={fields.body}
        format={fields.format}
        onChange={change}
        disabled={sending}
        answering={initial.context.kind !== "new"}
        autoFocus={Boolean(fields.to)}
        imageBudget={attachmentBudget}
        onError={setError}
      />
      <div className={styles.option}>
        <label>
          <input type="checkbox" checked={fields.readLink} onChange={(e) => change({ readLink: e.target.checked })} disabled={sending} />{" "}
          {t("readLink")}
        </label>
        {fields.readLink && (
          <select aria-label={t("readLinkExpiry")} value={fields.readLinkDays} onChange={(e) => change({ readLinkDays: e.target.value })} disabled={sending}>
            <option value="">{t("expiresDefault", { days: readLinkDefaultDays })}</option>
            {EXPIRY_CHOICES.filter((c) => c.days !== readLinkDefaultDays).map((c) => (
              <option key={c.days} value={String(c.days)}>
                {t(c.label)}
              </option>
            ))}
          </select>
        )}
        <span className={styles.hint}>
          {t("readLinkHint")}{" "}
          <a href="/mail/receipts">{t("receipts")}</a>
        </span>
      </div>
      {outbox.queued && <OutboxBar secondsLeft={outbox.secondsLeft} undoError={outbox.undoError} unanswered={outbox.unanswered} onUndo={() => void outbox.undo()} />}
      {restored && (
        <p className={styles.hint} role="status" data-testid="compose-restored">
          {restored}
        </p>
      )}
      {error && (
        <p className={styles.error} role="alert" data-testid="compose-error">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className={styles.button} disabled={sending}>
          {sending ? t("sending") : t("send")}
        </button>
        <button type="button" className={styles.quiet} onClick={() => void saver.flush()} disabled={sending}>
          {t("saveDraft")}
        </button>
        <button type="button" className={styles.quiet} onClick={() => void discard()} disabled={sending}>
          {t("discard")}
        </button>
        {progress !== null && <progress max={1} value={progress} aria-label={t("uploadProgress")} />}
        <SaveStatus state={saveState} />
      </div>
    </form>
  );
}
