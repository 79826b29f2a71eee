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
  let content;
  try {
    const [state, folders] = await Promise.all([loadFilters(session.imap), listFolders(session.imap)]);
    const targets = folders.filter((f) => f.selectable).map((f) => ({ path: f.path, name: f.name, specialUse: f.specialUse }));
    content = (
      <>
        {state.foreign && (
          <section className={styles.panel} aria-labelledby="foreign-script">
            <h2 id="foreign-script">Your own Sieve script “{state.foreign.name}” is active</h2>
            <p className={styles.hint}>
              Postern does not edit scripts it did not write. Saving the filters below makes Postern’s script the active one
              instead; yours stays on the server, inactive, unchanged.
            </p>
            <pre className="sieve-script" data-testid="foreign-script">{state.foreign.script}</pre>
          </section>
        )}
        <FiltersEditor initial={state.filters} active={state.active} folders={targets} prefill={prefill} script={state.script ?? writeScript(state.filters)} />
      </>
    );
  } catch (e) {
    if (!isPosternError(e)) throw e;
    content = (
      <p className={styles.noticeError} role="alert" data-testid="filters-error">
        {e.message}
      </p>
    );
  }
  return (
    <SettingsFrame email={session.email} title="Filters and vacation reply">
        <p className={styles.hint}>
          Filters run on the mail server as mail arrives, also while Postern is closed. Rules are tried from top to bottom.
        </p>
        {content}
    </SettingsFrame>
  );
}
