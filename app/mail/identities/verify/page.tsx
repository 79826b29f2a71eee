import { requireMailSession } from "@/auth";
import { identityKeysOf } from "@/lib/accounts/identity-mailbox";
import { findVerification } from "@/lib/identities/identity-verification";
import { SettingsFrame } from "../../settings-frame";
import { CsrfField } from "../../csrf-field";
import { confirmIdentityAction } from "../actions";
import styles from "../identities.module.css";

export const dynamic = "force-dynamic";

/**
 * Where a confirmation link lands (signing in first if needed: requireMailSession comes back
 * here). Opening the link changes nothing; a button does, so a mail scanner that follows links
 * cannot confirm an address on its own.
 */
export default async function VerifyIdentityPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const session = await requireMailSession();
  const token = (await searchParams).token ?? "";
  const found = token.length <= 100 ? await findVerification(await identityKeysOf(session.email), token) : null;
  return (
    <SettingsFrame email={session.email} title="Confirm an address" notice={null} noticeTestId="identity-notice">
      <section className={styles.panel} data-testid="identity-verify">
        {found ? (
          <form action={confirmIdentityAction}>
            <CsrfField />
            <input type="hidden" name="token" value={token} />
            <p>
              Send mail as <strong>{found.address}</strong> from {session.email}?
            </p>
            <button type="submit" className={styles.button}>Confirm</button>
          </form>
        ) : (
          <p>
            This link has expired, was already used, or belongs to another account. <a href="/mail/identities">Identities</a> can
            mail a new one.
          </p>
        )}
      </section>
    </SettingsFrame>
  );
}
