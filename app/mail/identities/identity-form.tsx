import type { Identity } from "@/lib/identities/identity-types";
import { saveIdentityAction } from "./actions";
import styles from "./identities.module.css";
import { CsrfField } from "../csrf-field";

/** One identity's fields (an empty form adds one). A plain form: works without JavaScript. */
export function IdentityForm({ identity, submitLabel, account }: { identity: Identity | null; submitLabel: string; account?: string }) {
  const key = identity?.id ?? "new";
  return (
    <form action={saveIdentityAction} className={styles.form}>
      <CsrfField />
      {account && <input type="hidden" name="account" value={account} />}
      {identity && <input type="hidden" name="id" value={identity.id === "account" ? "" : identity.id} />}
      <label>
        Name
        <input name="name" defaultValue={identity?.name ?? ""} maxLength={200} placeholder="Bob Martin" />
      </label>
      <label>
        Email address
        <input name="address" type="email" required defaultValue={identity?.address ?? ""} maxLength={320} />
      </label>
      <label>
        Reply-To <span className={styles.hint}>(optional)</span>
        <input name="replyTo" defaultValue={identity?.replyTo ?? ""} maxLength={2000} />
      </label>
      <label className={styles.wide}>
        Signature <span className={styles.hint}>(added below “-- ” to new messages, replies and forwards)</span>
        <textarea name="signature" defaultValue={identity?.signature ?? ""} rows={4} maxLength={10_000} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="isDefault" value="yes" defaultChecked={identity?.isDefault ?? false} id={`default-${key}`} />
        Default identity
      </label>
      <button type="submit" className={styles.button}>
        {submitLabel}
      </button>
    </form>
  );
}
