"use client";
import { useTranslations } from "next-intl";

const KEYS = [
  ["j / ↓", "next"],
  ["k / ↑", "previous"],
  ["Enter / o", "open"],
  ["u", "back"],
  ["x", "select"],
  ["s", "star"],
  ["# / Delete", "delete"],
  ["!", "spam"],
  ["c", "compose"],
  ["r / a / f", "reply"],
  ["/", "search"],
  ["?", "help"],
] as const;

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useTranslations("shortcuts");
  return (
    <div className="shortcut-help" role="dialog" aria-modal="false" aria-labelledby="shortcut-help-title">
      <h2 id="shortcut-help-title">{t("title")}</h2>
      <dl>
        {KEYS.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{t(v)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t("close")}
      </button>
    </div>
  );
}
