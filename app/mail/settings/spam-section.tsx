import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/account-settings";
import { LEARNER_SPAM_THRESHOLD, LEARNER_UNSURE_THRESHOLD, SPAM_SETTINGS, spamAccount } from "@/lib/spam/spam-settings";
import { listEntries } from "@/lib/spam/spam-store";
import { dbTokenStore } from "@/lib/spam/token-store";
import styles from "../identities/identities.module.css";
import { LearnFromFolders } from "./learn-from-folders";
import { addSpamListEntry, forgetSpamTraining, removeSpamListEntry, saveSpamSettings } from "./spam-actions";
import { CsrfField } from "../csrf-field";

/** The spam filter's part of the Settings page. */
export async function SpamSection({ email }: { email: string }) {
  const account = spamAccount(email);
  const [[threshold, interesting, trainMode, autoFile, awlFactor, method, learnerThreshold, unsureThreshold], corpus, entries, tokens, weights] = await Promise.all([
    getSettings(account, SPAM_SETTINGS),
    dbTokenStore(account).corpus(),
    listEntries(account),
    getDb().spamToken.count({ where: { account } }),
    getDb().spamWeight.count({ where: { account } }),
  ]);
  const list = (kind: "allow" | "block") => entries.filter((e) => e.kind === kind);
  return (
    <section className={styles.panel} aria-labelledby="settings-spam">
      <h2 id="settings-spam">Spam filter</h2>
      <p className={styles.hint} data-testid="spam-stats">
        Learned from {corpus.spamMessages} spam and {corpus.hamMessages} good messages ({tokens} words, {weights} learned weights). New INBOX mail is
        filed to Junk once the filter has learned at least one of each; mail it is unsure about stays in INBOX, marked “possibly spam”.
      </p>
      <form action={saveSpamSettings} className={styles.form}>
        <CsrfField />
        <label className={`${styles.check} ${styles.wide}`}>
          <input type="checkbox" name="autoFile" value="yes" defaultChecked={autoFile} />
          Move new spam from INBOX to Junk
        </label>
        <label>
          Method
          <select name="method" defaultValue={method}>
            <option value="logistic">Learned weights of words and word pairs (default)</option>
            <option value="graham">Graham’s “A Plan for Spam”</option>
          </select>
        </label>
        <label>
          Learned weights: spam above
          <input type="number" name="learnerThreshold" min={0.01} max={0.9999} step="any" defaultValue={learnerThreshold} required />
        </label>
        <label>
          Learned weights: possibly spam above
          <input type="number" name="unsureThreshold" min={0.001} max={0.9999} step="any" defaultValue={unsureThreshold} required />
        </label>
        <p className={`${styles.hint} ${styles.wide}`} data-testid="spam-thresholds-note">
          Defaults {LEARNER_SPAM_THRESHOLD} and {LEARNER_UNSURE_THRESHOLD}: chosen by cross-validation on training mail only (at most 0.05% of good mail
          above the first, 1% above the second); see BENCHMARKS.md.
        </p>
        <label>
          Graham: spam when the score is above
          <input type="number" name="threshold" min={0.5} max={0.9999} step="any" defaultValue={threshold} required />
        </label>
        <label>
          Graham: words that decide (most interesting)
          <input type="number" name="interesting" min={5} max={50} step={1} defaultValue={interesting} required />
        </label>
        <label>
          Learn from Spam / Not spam
          <select name="trainMode" defaultValue={trainMode}>
            <option value="mistakes">Only when the filter was wrong</option>
            <option value="everything">Every time</option>
          </select>
        </label>
        <label>
          Auto-whitelist factor (0 = off)
          <input type="number" name="awlFactor" min={0} max={1} step="any" defaultValue={awlFactor} required />
        </label>
        <button type="submit" className={styles.button}>Save</button>
      </form>

      <h3>Whitelist and blacklist</h3>
      <p className={styles.hint}>
        An address (ann@example.com), a domain (example.com, with its subdomains) or a wildcard (*@*.example.com). People you write to are whitelisted
        automatically.
      </p>
      {(["allow", "block"] as const).map((kind) => (
        <div key={kind}>
          <h4>{kind === "allow" ? "Whitelist: never spam" : "Blacklist: always spam"}</h4>
          <ul className={styles.list} data-testid={`spam-${kind}-list`}>
            {list(kind).map((e) => (
              <li key={e.pattern}>
                <form action={removeSpamListEntry}>
                  <CsrfField />
                  {e.pattern}
                  {e.source === "sent" && <span className={styles.badge}>you wrote to them</span>}
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="pattern" value={e.pattern} />{" "}
                  <button type="submit" className={styles.danger} aria-label={`Remove ${e.pattern}`}>Remove</button>
                </form>
              </li>
            ))}
            {list(kind).length === 0 && <li className={styles.hint}>Nobody yet.</li>}
          </ul>
        </div>
      ))}
      <form action={addSpamListEntry} className={styles.form}>
        <CsrfField />
        <label>
          Address, domain or wildcard
          <input name="pattern" required maxLength={320} />
        </label>
        <label>
          List
          <select name="kind" defaultValue="allow" aria-label="Add to list">
            <option value="allow">Whitelist (never spam)</option>
            <option value="block">Blacklist (always spam)</option>
          </select>
        </label>
        <button type="submit" className={styles.button}>Add</button>
      </form>

      <h3>Learn from existing mail</h3>
      <LearnFromFolders />
      <form action={forgetSpamTraining}>
        <CsrfField />
        <button type="submit" className={styles.danger}>Forget everything the filter learned</button>
      </form>
    </section>
  );
}
