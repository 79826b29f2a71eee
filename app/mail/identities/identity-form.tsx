import { useTranslations } from "next-intl";
import type { Identity } from "@/lib/identities/identity-types";
import { saveIdentityAction } from "./actions";
import styles from "./identities.module.css";
import { CsrfField } from "../csrf-field";

/** One identity's fields (an empty form adds one). A plain form: works without JavaScript. */
export function IdentityForm({ identity, submitLabel, account }: { identity: Identity | null; submitLabel: string; account?: string }) {
  const t = useTranslations("identities");
  const key = identity?.id ?? "new";
  return (
    <form action={saveIdentityAction} className={styles.form}>
      <CsrfField />
      {account && <input type="hidden" name="account" value={account} />}
      {identity && <input type="hidden" name="id" value={identity.id === "account" ? "" : identity.id} />}
      <label>
        {t("name")}
        <input name="name" defaultValue={identity?.name ?? ""} maxLength={200} placeholder={t("namePlaceholder")} />
      </label>
      <label>
        {t("address")}
        <input name="address" type="email" required defaultValue={identity?.address ?? ""} maxLength={320} />
      </label>
      <label>
        {t("replyTo")} <span className={styles.hint}>{t("optional")}</span>
        <input name="replyTo" defaultValue={identity?.replyTo ?? ""} maxLength={2000} />
      </label>
      <label className={styles.wide}>
        {t("signature")} <span className={styles.hint}>{t("signatureHint")}</span>
        <textarea name="signature" defaultValue={identity?.signature ?? ""} rows={4} maxLength={10_000} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="isDefault" value="yes" defaultChecked={identity?.isDefault ?? false} id={`default-${key}`} />
        {t("isDefault")}
      </label>
      <button type="submit" className={styles.button}>
        {submitLabel}
      </button>
    </form>
  );
}
