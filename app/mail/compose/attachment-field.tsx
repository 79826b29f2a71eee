"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type DragEvent } from "react";
import { formatSize } from "../format";
import type { AttachmentItem } from "./post-compose";
import styles from "./compose.module.css";

type Props = {
  items: AttachmentItem[];
  /** Decoded bytes all files together may have (see attachmentBudget). */
  budget: number;
  disabled: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
};

export const itemSize = (i: AttachmentItem) => (i.kind === "kept" ? i.ref.size : i.file.size);
const itemName = (i: AttachmentItem) => (i.kind === "kept" ? i.ref.filename : i.file.name);

/** Files of the message: picked or dropped; refused at once, with the reason, past the limit. */
export function AttachmentField({ items, budget, disabled, onAdd, onRemove }: Props) {
  const t = useTranslations("compose");
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const used = items.reduce((n, i) => n + itemSize(i), 0);

  function add(files: File[]) {
    if (!files.length) return;
    const total = used + files.reduce((n, f) => n + f.size, 0);
    if (total > budget) {
      setRefusal(t("attachmentsTooLarge", { max: formatSize(budget, locale), total: formatSize(total, locale) }));
      return;
    }
    setRefusal(null);
    onAdd(files);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (!disabled) add([...e.dataTransfer.files]);
  }

  return (
    <div
      className={over ? `${styles.attachments} ${styles.dropping}` : styles.attachments}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="attachment-drop"
    >
      <button type="button" className={styles.quiet} onClick={() => input.current?.click()} disabled={disabled}>
        {t("attachFiles")}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={t("attachFiles")}
        onChange={(e) => {
          add([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
      <span className={styles.hint}>{t("dropHint", { max: formatSize(budget, locale) })}</span>
      {refusal && (
        <p className={styles.error} role="alert" data-testid="attachment-error">
          {refusal}
        </p>
      )}
      {items.length > 0 && (
        <ul className={styles.fileList} aria-label={t("attachedFiles")}>
          {items.map((i) => (
            <li key={i.id} data-testid="attached-file">
              <span className={styles.fileName} translate="no">{itemName(i)}</span> <span className={styles.hint}>{formatSize(itemSize(i), locale)}</span>
              {i.kind === "file" && <span className={styles.hint}> · {t("notSavedYet")}</span>}
              <button type="button" className="link" onClick={() => onRemove(i.id)} disabled={disabled} aria-label={t("removeFile", { name: itemName(i) })}>
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
