import { getTranslations } from "next-intl/server";
import { localizeFolderNames } from "@/app/i18n/folder-names";
import { errorText } from "@/app/i18n/error-text";
import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
import { isPosternError } from "@/lib/http/errors";
import { listFolders } from "@/lib/imap/list-folders";
import { loadFilters } from "@/lib/sieve/filter-store";
import { writeScript } from "@/lib/sieve/write-script";
import styles from "../identities/identities.module.css";
import { FiltersEditor } from "./filters-editor";
import { prefillSchema } from "./prefill";

export const dynamic = "force-dynamic";

/** Settings: server-side filters (Sieve) and the vacation reply. */
export default async function FiltersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const prefill = prefillSchema.parse(await searchParams);
  const t = await getTranslations("filters");
  let content;
  try {
    const [state, folders] = await Promise.all([loadFilters(session.imap), listFolders(session.imap)]);
    const targets = (await localizeFolderNames(folders)).filter((f) => f.selectable).map((f) => ({ path: f.path, name: f.name, specialUse: f.specialUse }));
    content = (
      <>
        {state.foreign && (
          <section className={styles.panel} aria-labelledby="foreign-script">
            <h2 id="foreign-script">{t.rich("foreignActive", { name: () => <span translate="no">{state.foreign!.name}</span> })}</h2>
            <p className={styles.hint}>{t("foreignHint")}</p>
            <pre className="sieve-script" data-testid="foreign-script" translate="no">{state.foreign.script}</pre>
          </section>
        )}
        <FiltersEditor initial={state.filters} active={state.active} folders={targets} prefill={prefill} script={state.script ?? writeScript(state.filters)} />
      </>
    );
  } catch (e) {
    if (!isPosternError(e)) throw e;
    content = (
      <p className={styles.noticeError} role="alert" data-testid="filters-error">
        {await errorText(e)}
      </p>
    );
  }
  return (
    <SettingsFrame email={session.email} title={t("title")}>
        <p className={styles.hint}>{t("intro")}</p>
        {content}
    </SettingsFrame>
  );
}
