import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/account-settings";
import { LEARNER_SPAM_THRESHOLD, LEARNER_UNSURE_THRESHOLD, SPAM_SETTINGS, spamAccount } from "@/lib/spam/spam-settings";
import { listEntries } from "@/lib/spam/spam-store";
import { dbTokenStore } from "@/lib/spam/token-store";
import { dbWeightStore } from "@/lib/spam/weight-store";
import styles from "../identities/identities.module.css";
import { LearnFromFolders } from "./learn-from-folders";
import { addSpamListEntry, forgetSpamTraining, removeSpamListEntry, saveSpamSettings } from "./spam-actions";
import { CsrfField } from "../csrf-field";

/** The spam filter's part of the Settings page. */
export async function SpamSection({ email }: { email: string }) {
  const account = spamAccount(email);
  const t = await getTranslations("spamSettings");
  const [[threshold, interesting, trainMode, autoFile, awlFactor, method, learnerThreshold, unsureThreshold], corpus, entries, tokens, weights] = await Promise.all([
    getSettings(account, SPAM_SETTINGS),
    dbTokenStore(account).corpus(),
    listEntries(account),
    getDb().spamToken.count({ where: { account } }),
    // the model row (weight-store.ts); the one-row-per-weight table is only read to migrate it
    dbWeightStore(account).count(),
  ]);
  const list = (kind: "allow" | "block") => entries.filter((e) => e.kind === kind);
  return (
    <section className={styles.panel} aria-labelledby="settings-spam">
      <h2 id="settings-spam">{t("title")}</h2>
      <p className={styles.hint} data-testid="spam-stats">
        {t("stats", { spam: corpus.spamMessages, ham: corpus.hamMessages, tokens, weights })}
      </p>
      <form action={saveSpamSettings} className={styles.form}>
        <CsrfField />
        <label className={`${styles.check} ${styles.wide}`}>
          <input type="checkbox" name="autoFile" value="yes" defaultChecked={autoFile} />
          {t("autoFile")}
        </label>
        <label>
          {t("method")}
          <select name="method" defaultValue={method}>
            <option value="logistic">{t("logistic")}</option>
            <option value="graham">{t("graham")}</option>
          </select>
        </label>
        <label>
          {t("learnerThreshold")}
          <input type="number" name="learnerThreshold" min={0.01} max={0.9999} step="any" defaultValue={learnerThreshold} required />
        </label>
        <label>
          {t("unsureThreshold")}
          <input type="number" name="unsureThreshold" min={0.001} max={0.9999} step="any" defaultValue={unsureThreshold} required />
        </label>
        <p className={`${styles.hint} ${styles.wide}`} data-testid="spam-thresholds-note">
          {t("defaults", { spam: LEARNER_SPAM_THRESHOLD, unsure: LEARNER_UNSURE_THRESHOLD })}
        </p>
        <label>
          {t("grahamThreshold")}
          <input type="number" name="threshold" min={0.5} max={0.9999} step="any" defaultValue={threshold} required />
        </label>
        <label>
          {t("interesting")}
          <input type="number" name="interesting" min={5} max={50} step={1} defaultValue={interesting} required />
        </label>
        <label>
          {t("trainMode")}
          <select name="trainMode" defaultValue={trainMode}>
            <option value="mistakes">{t("mistakes")}</option>
            <option value="everything">{t("everything")}</option>
          </select>
        </label>
        <label>
          {t("awl")}
          <input type="number" name="awlFactor" min={0} max={1} step="any" defaultValue={awlFactor} required />
        </label>
        <button type="submit" className={styles.button}>{t("save")}</button>
      </form>

      <h3>{t("lists")}</h3>
      <p className={styles.hint}>
        {t("listsHint")}
      </p>
      {(["allow", "block"] as const).map((kind) => (
        <div key={kind}>
          <h4>{kind === "allow" ? t("allowList") : t("blockList")}</h4>
          <ul className={styles.list} data-testid={`spam-${kind}-list`}>
            {list(kind).map((e) => (
              <li key={e.pattern}>
                <form action={removeSpamListEntry}>
                  <CsrfField />
                  <span translate="no">{e.pattern}</span>
                  {e.source === "sent" && <span className={styles.badge}>{t("wroteToThem")}</span>}
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="pattern" value={e.pattern} />{" "}
                  <button type="submit" className={styles.danger} aria-label={t("removeEntry", { pattern: e.pattern })}>{t("remove")}</button>
                </form>
              </li>
            ))}
            {list(kind).length === 0 && <li className={styles.hint}>{t("nobody")}</li>}
          </ul>
        </div>
      ))}
      <form action={addSpamListEntry} className={styles.form}>
        <CsrfField />
        <label>
          {t("pattern")}
          <input name="pattern" required maxLength={320} />
        </label>
        <label>
          {t("list")}
          <select name="kind" defaultValue="allow" aria-label={t("addToList")}>
            <option value="allow">{t("allowOption")}</option>
            <option value="block">{t("blockOption")}</option>
          </select>
        </label>
        <button type="submit" className={styles.button}>{t("add")}</button>
      </form>

      <h3>{t("learnTitle")}</h3>
      <LearnFromFolders />
      <form action={forgetSpamTraining}>
        <CsrfField />
        <button type="submit" className={styles.danger}>{t("forget")}</button>
      </form>
    </section>
  );
}
