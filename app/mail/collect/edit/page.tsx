import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { getPop3Account } from "@/lib/collect/pop3-account-store";
import { listFolders } from "@/lib/imap/list-folders";
import { CsrfField } from "../../csrf-field";
import { SettingsFrame } from "../../settings-frame";
import { editPop3AccountAction } from "../actions";
import { Pop3Fields } from "../pop3-fields";
import styles from "../../identities/identities.module.css";

export const dynamic = "force-dynamic";

const idParam = z.object({ id: z.string().uuid() });

/** Settings › Collect mail › Change: a POP3 account's server, sign-in, folder and keeping, edited in
 * place (issue 22), so what it collected before is remembered. The password is never sent back. */
export default async function EditPop3Page({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const t = await getTranslations("pop3Edit");
  const { id } = idParam.parse(await searchParams);
  const [a, folders] = await Promise.all([getPop3Account(session.email, id), listFolders(session.imap, { includeUnsubscribed: true })]);
  return (
    <SettingsFrame email={session.email} title={t("title")}>
      <p className={styles.hint}>
        {t("hint")} <a href="/mail/collect">{t("back")}</a>
      </p>
      <form action={editPop3AccountAction} className={styles.form} data-testid="pop3-edit">
        <CsrfField />
        <input type="hidden" name="id" value={a.id} />
        <Pop3Fields folders={folders} account={{ ...a, user: a.credentials.user }} passwordHint={t("passwordKeep")} />
        <button type="submit" className={styles.button}>
          {t("save")}
        </button>
      </form>
    </SettingsFrame>
  );
}
