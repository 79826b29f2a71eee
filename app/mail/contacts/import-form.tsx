"use client";
import { useActionState, type ReactNode } from "react";
import ids from "../identities/identities.module.css";
import { importVcardAction, type ImportState } from "./import-actions";
import styles from "./contacts.module.css";

/** Import a .vcf file; the report (what was added, which entries failed and why) stays on the page.
 * `csrf` is the hidden CSRF field, rendered by the server. */
export function ImportForm({ csrf }: { csrf: ReactNode }) {
  const [state, action, pending] = useActionState(importVcardAction, { kind: "idle" } as ImportState);
  return (
    <section className={ids.panel} aria-labelledby="import-title">
      <h2 id="import-title">Import a vCard file</h2>
      <form action={action} className={styles.inline}>
        {csrf}
        <input type="file" name="file" accept=".vcf,.vcard,text/vcard,text/x-vcard" aria-label="vCard file" required />
        <button type="submit" className={ids.secondary} disabled={pending}>{pending ? "Importing…" : "Import"}</button>
      </form>
      <p className={ids.hint}>vCard 2.1, 3.0 or 4.0, from any address book. Entries with the UID of a contact you have update it.</p>
      {state.kind === "error" && <p className={ids.noticeError} role="alert">{state.text}</p>}
      {state.kind === "done" && (
        <div role="status" data-testid="import-report">
          <p className={state.problems.length ? ids.noticeError : ids.notice}>
            Imported {state.added} new, updated {state.updated}
            {state.problems.length ? `; ${state.problems.length} could not be imported:` : "."}
          </p>
          {state.problems.length > 0 && (
            <ul data-testid="import-problems">
              {state.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          )}
          {state.notes.length > 0 && (
            <ul className={ids.hint}>
              {state.notes.map((n) => <li key={n}>{n}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
