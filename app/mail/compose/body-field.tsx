"use client";
import dynamic from "next/dynamic";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import type { BodyFormat } from "@/lib/compose/compose-types";
import { htmlToPlainText } from "@/lib/compose/html-to-plain";
import { losesFormatting, plainTextToHtml } from "@/lib/compose/plain-to-html";
import styles from "./compose.module.css";

// The editor (ProseMirror, ~200 KB compressed) loads only when rich text is used: writing plain
// text does not pay for it.
const RichEditor = dynamic(() => import("./rich-editor").then((m) => m.RichEditor), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  return <p className={styles.hint}>{useTranslations("editor")("loading")}</p>;
}

type Props = {
  body: string;
  format: BodyFormat;
  onChange: (patch: { body: string; format?: BodyFormat }) => void;
  disabled: boolean;
  /** A reply or forward: the caret starts above the quote. */
  answering: boolean;
  autoFocus: boolean;
  imageBudget: number;
  onError: (message: string) => void;
};

/** The message body: a Plain text / Rich text switch and the textarea or the rich-text editor.
 * Switching converts the body; going plain asks first when formatting would be lost. */
export function BodyField({ body, format, onChange, disabled, answering, autoFocus, imageBudget, onError }: Props) {
  const t = useTranslations("editor");
  const caretPlaced = useRef(false);
  function switchTo(next: BodyFormat) {
    if (next === format) return;
    if (next === "html") return onChange({ format: next, body: plainTextToHtml(body) });
    if (losesFormatting(body) && !window.confirm(t("confirmPlain"))) return;
    onChange({ format: next, body: htmlToPlainText(body) });
  }
  return (
    <>
      <div className={styles.formatSwitch} role="group" aria-label={t("format")}>
        {(["plain", "html"] as const).map((f) => (
          <button key={f} type="button" aria-pressed={format === f} onClick={() => switchTo(f)} disabled={disabled}>
            {f === "plain" ? t("plain") : t("rich")}
          </button>
        ))}
      </div>
      {format === "html" ? (
        <RichEditor value={body} onChange={(html) => onChange({ body: html })} disabled={disabled} imageBudget={imageBudget} onImageError={onError} autoFocus={autoFocus} />
      ) : (
        <textarea
          className={styles.body}
          aria-label={t("message")}
          value={body}
          onChange={(e) => onChange({ body: e.target.value })}
          readOnly={disabled}
          autoFocus={autoFocus}
          onFocus={(e) => {
            // A reply or forward starts above the quote; only on the first focus, not every time.
            if (caretPlaced.current || !answering) return;
            caretPlaced.current = true;
            e.currentTarget.setSelectionRange(0, 0);
          }}
        />
      )}
    </>
  );
}
