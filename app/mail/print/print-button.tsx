"use client";
import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("print");
  return (
    <button type="button" className="print-button" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
