"use client";
import { useErrorText } from "@/app/i18n/use-error-text";
import { useEffect, useRef, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatAddress, formatSize } from "@/app/mail/format";
import { LocalDate } from "@/app/mail/local-date";
import { TextWithLinks } from "@/app/mail/text-with-links";
import { linkifyText } from "@/lib/mime/linkify-text";
import { fromBase64Url, toBase64Url } from "@/lib/read-links/base64url";
import { readLinkKey, unseal } from "@/lib/read-links/seal";
import { decodeSealedMessage, type SealedMessage } from "@/lib/read-links/sealed-message";
import styles from "./read-link.module.css";

type Props = { token: string; sender: string; expiresAt: string; sealedSubject: string };

type Phase =
  | { kind: "checking" }
  | { kind: "noKey" }
  | { kind: "ready"; key: Uint8Array; subject: string }
  | { kind: "opening"; key: Uint8Array; subject: string }
  | { kind: "open"; message: SealedMessage }
  | { kind: "closed"; text: string }
  | { kind: "failed"; key: Uint8Array; subject: string; text: string };

function reveal(body: { token: string; retry: string; done?: true }): Promise<Response | null> {
  return fetch("/api/r/reveal", {
    method: "POST",
    headers: { "content-type": "application/json", "x-postern-request": "1" },
    body: JSON.stringify(body),
    cache: "no-store",
  }).catch(() => null);
}

/**
 * The interstitial and, once opened, the message. The key is read from the fragment here and
 * never leaves the browser. The subject (sealed with the same key) is decrypted first: a link
 * whose key was cut off in copying is refused before it can be spent for nothing.
 */
export function OpenOnce({ token, sender, expiresAt, sealedSubject }: Props) {
  const t = useTranslations("readLink");
  const sayAnswerError = useErrorText();
  const format = useFormatter();
  /** The closed-link sentence for a 410's state and time, in the reader's language. */
  const closedText = (e: { state?: string; at?: string } | undefined) => {
    const at = e?.at ? new Date(e.at) : null;
    if (!at || Number.isNaN(at.getTime()) || (e?.state !== "opened" && e?.state !== "expired" && e?.state !== "revoked")) return null;
    // said after a click, never on the server: the browser's own time zone, with no hydration to match
    return t(`closed.${e.state}`, { when: format.dateTime(at, { dateStyle: "long", timeStyle: "short", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }) });
  };
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });

  useEffect(() => {
    const key = readLinkKey(window.location.hash.slice(1));
    if (!key) {
      setPhase({ kind: "noKey" });
      return;
    }
    unseal(fromBase64Url(sealedSubject), key, "subject")
      .then((bytes) => setPhase({ kind: "ready", key, subject: new TextDecoder().decode(bytes) }))
      .catch(() => setPhase({ kind: "noKey" }));
  }, [sealedSubject]);

  // Made before the first try and kept for the next: if the answer is lost on the way, the server
  // gives the message again, for a short time, to whoever shows this secret, which is only us.
  const retry = useRef<string | null>(null);

  async function open(key: Uint8Array, subject: string) {
    setPhase({ kind: "opening", key, subject });
    retry.current ??= toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const res = await reveal({ token, retry: retry.current });
    if (!res) {
      const text = t("noAnswer");
      return setPhase({ kind: "failed", key, subject, text });
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string; state?: string; at?: string } } | null;
      const closed = res.status === 410 ? closedText(body?.error) : null;
      if (closed) return setPhase({ kind: "closed", text: closed });
      const text = sayAnswerError(body, t("couldNotOpen"));
      return setPhase(res.status === 410 ? { kind: "closed", text } : { kind: "failed", key, subject, text });
    }
    try {
      const message = decodeSealedMessage(await unseal(new Uint8Array(await res.arrayBuffer()), key, "message"));
      // The key has done its job: it should not stay in the address bar or the history.
      window.history.replaceState(null, "", window.location.pathname);
      setPhase({ kind: "open", message });
      void reveal({ token, retry: retry.current, done: true });
    } catch {
      setPhase({ kind: "closed", text: t("undecryptable") });
    }
  }

  switch (phase.kind) {
    case "checking":
      return <p className={styles.hint}>{t("checking")}</p>;
    case "noKey":
      return (
        <div className={styles.card}>
          <p className={styles.from}>{t.rich("from", { sender: () => <span translate="no">{sender}</span> })}</p>
          <p className={styles.error} role="alert" data-testid="read-link-no-key">
            {t("noKey")}
          </p>
        </div>
      );
    case "closed":
      return (
        <p className={styles.closed} role="alert" data-testid="read-link-closed">
          {phase.text}
        </p>
      );
    case "open":
      return <OpenedMessage message={phase.message} />;
    default: {
      const { key, subject } = phase;
      return (
        <div className={styles.card} data-testid="read-link-interstitial">
          <h1 translate={subject ? "no" : undefined}>{subject || t("noSubject")}</h1>
          <p className={styles.from}>{t.rich("from", { sender: () => <span translate="no">{sender}</span> })}</p>
          <p className={styles.hint}>
            {t.rich("onlyOnce", { strong: (chunks) => <strong>{chunks}</strong>, until: () => <LocalDate iso={expiresAt} long /> })}
          </p>
          {phase.kind === "failed" && (
            <p className={styles.error} role="alert">
              {phase.text}
            </p>
          )}
          <button type="button" className={styles.open} disabled={phase.kind === "opening"} onClick={() => void open(key, subject)}>
            {phase.kind === "opening" ? t("opening") : t("open")}
          </button>
        </div>
      );
    }
  }
}

function OpenedMessage({ message }: { message: SealedMessage }) {
  // Made once: a new copy on every render would remake the download URLs each time.
  const [copy] = useState(() => asText(message));
  const t = useTranslations("readLink");
  const h = useTranslations("headers");
  return (
    <article className={styles.card} data-testid="read-link-message">
      <h1 translate={message.subject ? "no" : undefined}>{message.subject || t("noSubject")}</h1>
      <dl className={styles.headers}>
        <dt>{h("from")}</dt>
        <dd translate="no">{formatAddress(message.from)}</dd>
        {message.to.length > 0 && (
          <>
            <dt>{h("to")}</dt>
            <dd translate="no">{message.to.map(formatAddress).join(", ")}</dd>
          </>
        )}
        {message.cc.length > 0 && (
          <>
            <dt>{h("cc")}</dt>
            <dd translate="no">{message.cc.map(formatAddress).join(", ")}</dd>
          </>
        )}
        <dt>{h("date")}</dt>
        <dd>
          <LocalDate iso={message.date} long />
        </dd>
      </dl>
      <TextWithLinks segments={linkifyText(message.text)} testId="read-link-text" />
      <Files files={message.files} copy={copy} />
      <p className={styles.kept}>
        {t("kept")}
      </p>
    </article>
  );
}

/** The message as a plain-text file the reader can keep. */
function asText(m: SealedMessage): { filename: string; content: Uint8Array } {
  const lines = [
    `From: ${formatAddress(m.from)}`,
    ...(m.to.length ? [`To: ${m.to.map(formatAddress).join(", ")}`] : []),
    ...(m.cc.length ? [`Cc: ${m.cc.map(formatAddress).join(", ")}`] : []),
    `Date: ${new Date(m.date).toString()}`,
    `Subject: ${m.subject}`,
    "",
    m.text,
  ];
  const name = (m.subject || "message").replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim().slice(0, 100) || "message";
  return { filename: `${name}.txt`, content: new TextEncoder().encode(lines.join("\n")) };
}

/** Downloads from memory. Always as application/octet-stream: a blob: URL shares this page's
 * origin, so an HTML or SVG file must never be rendered from it. */
function Files({ files, copy }: { files: SealedMessage["files"]; copy: { filename: string; content: Uint8Array } }) {
  const t = useTranslations("readLink");
  const locale = useLocale();
  const [urls, setUrls] = useState<string[]>([]);
  const made = useRef<string[]>([]);
  const all = [copy, ...files];
  useEffect(() => {
    made.current = [copy, ...files].map((f) => URL.createObjectURL(new Blob([f.content.slice().buffer as ArrayBuffer], { type: "application/octet-stream" })));
    setUrls(made.current);
    return () => made.current.forEach((u) => URL.revokeObjectURL(u));
  }, [files, copy]);
  return (
    <ul className={styles.files} aria-label={t("downloads")}>
      {all.map((f, i) => (
        <li key={i}>
          <a href={urls[i]} download={f.filename} data-testid={i === 0 ? "read-link-save-text" : "read-link-attachment"}>
            {i === 0 ? t("saveText") : `${f.filename} (${formatSize(f.content.length, locale)})`}
          </a>
        </li>
      ))}
    </ul>
  );
}
