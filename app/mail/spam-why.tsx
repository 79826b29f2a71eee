"use client";
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { usePercent } from "./use-percent";
import { featureParts } from "@/lib/spam/describe-feature";
import type { MessageSpamReport } from "@/lib/spam/message-report";
import styles from "./spam-panel.module.css";

/** A learner feature in words (lib/spam/describe-feature.ts featureParts). */
function useFeatureText(): (feature: string) => ReactNode {
  const t = useTranslations("spamWhy");
  return (feature) => {
    const f = featureParts(feature);
    // the words are the message's, not the catalog's; the raw feature is their tooltip
    const values = { header: f.header, w: () => <span translate="no" title={feature}>{f.words}</span> };
    return f.pair ? t.rich(`pair.${f.place}`, values) : t.rich(`word.${f.place}`, values);
  };
}

/** A rule hit in the reader's language; a rule the catalog does not name keeps lib's English. */
function useRuleText(): (hit: MessageSpamReport["rules"][number]) => string {
  const t = useTranslations("spamRules");
  return (hit) => {
    const key = hit.rule.startsWith("DNSBL_") ? "DNSBL" : hit.rule;
    if (!t.has(key as Parameters<typeof t>[0])) return hit.description;
    return t(key as Parameters<typeof t>[0], { ip: "", zone: "", score: "", ...hit.values });
  };
}

/** How far the learner moved a rule from its hand-set points (lib/spam/rule-weights.ts). */
function RuleLearning({ hit, points }: { hit: MessageSpamReport["rules"][number]; points: (p: number) => string }) {
  const t = useTranslations("spamWhy");
  if (hit.setPoints === undefined) return null;
  if (Math.abs(hit.points - hit.setPoints) < 0.05) return <span className={styles.ruleNote}> {t("ruleUnchanged", { set: points(hit.setPoints) })}</span>;
  return (
    <span className={styles.ruleNote} data-testid="spam-rule-learned">
      {" "}
      {t(hit.points > hit.setPoints ? "ruleLearnedSpam" : "ruleLearnedGood", { set: points(hit.setPoints) })}
    </span>
  );
}

/** What weighed most in the default learner's verdict, in words: each piece of evidence with how
 * far it moved the odds (a factor of 2 is one rule point). */
function LearnerEvidence({ r, learner }: { r: MessageSpamReport; learner: NonNullable<MessageSpamReport["learner"]> }) {
  const t = useTranslations("spamWhy");
  const format = useFormatter();
  const percent = usePercent();
  const describe = useFeatureText();
  // +0.69 log-odds → "×2.0 toward spam"
  const effect = (logOdds: number) => {
    const factor = Math.exp(Math.abs(logOdds));
    const digits = factor < 2 ? 2 : factor < 10 ? 1 : 0;
    const shown = format.number(factor, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return t(logOdds > 0 ? "towardSpam" : "towardGood", { factor: shown });
  };
  return (
    <>
      <p>{t("learner", { probability: percent(learner.probability), spam: r.corpus.spamMessages, good: r.corpus.hamMessages })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("evidence")}</th>
            <th scope="col">{t("effect")}</th>
          </tr>
        </thead>
        <tbody>
          {learner.evidence.map((e) => (
            <tr key={e.feature} data-testid="spam-evidence">
              <td className={styles.token}>{describe(e.feature)}</td>
              <td>{effect(e.contribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The spam filter's "why" for one message: score, lists, earlier verdict, what the filter learned, rules. */
export function Why({ r }: { r: MessageSpamReport }) {
  const t = useTranslations("spamWhy");
  const format = useFormatter();
  const percent = usePercent();
  const ruleText = useRuleText();
  const points = (p: number) => (p > 0 ? "+" : "") + format.number(p, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const verdict = r.isSpam ? "spam" : r.unsure ? "unsure" : "good";
  return (
    <div className={styles.body} data-testid="spam-why">
      <p>
        {t.rich("score", {
          score: () => <strong data-testid="spam-score">{percent(r.score)}</strong>,
          verdict,
          threshold: percent(r.threshold),
          unsureThreshold: r.unsureThreshold < r.threshold ? percent(r.unsureThreshold) : "none",
        })}
      </p>
      {r.list && <p>{t.rich(r.list.kind === "allow" ? "onAllowList" : "onBlockList", { pattern: () => <span translate="no">{r.list!.pattern}</span> })}</p>}
      {r.verdict && (
        <p>
          {r.verdict.byUser
            ? t(r.learnedAs ? "markedByYou" : "markedByYouKnown", { spam: r.verdict.isSpam ? "yes" : "no" })
            : r.verdict.filed
              ? t("filed")
              : t("judgedOnArrival", { spam: r.verdict.isSpam ? "yes" : "no", score: percent(r.verdict.score) })}
        </p>
      )}
      {!r.trained ? (
        <p>{t.rich("untrained", { spam: r.corpus.spamMessages, good: r.corpus.hamMessages, link: (chunks) => <a href="/mail/settings#settings-spam">{chunks}</a> })}</p>
      ) : r.learner ? (
        <LearnerEvidence r={r} learner={r.learner} />
      ) : r.bayes ? (
        <>
          <p>{t("bayes", { probability: percent(r.bayes.probability), spam: r.corpus.spamMessages, good: r.corpus.hamMessages, count: r.bayes.tokens.length })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("wordColumn")}</th>
                <th scope="col">{t("probability")}</th>
              </tr>
            </thead>
            <tbody>
              {r.bayes.tokens.map((w) => (
                <tr key={w.token} data-testid="spam-token">
                  <td className={styles.token} translate="no">{w.token}</td>
                  <td>{(w.known ? t("tokenKnown", { p: w.probability }) : t("tokenNew", { p: w.probability }))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {r.rules.length > 0 && (
        <>
          <p>{t("rules", { points: points(r.rulePoints) })}</p>
          <table>
            <tbody>
              {r.rules.map((h) => (
                <tr key={h.rule} data-testid="spam-rule">
                  <td>{points(h.points)}</td>
                  <td>
                    {ruleText(h)}
                    <RuleLearning hit={h} points={points} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {r.senderHistory.average !== null && r.awlFactor > 0 && (
        <p>
          {t.rich("history", {
            sender: () => <span translate="no">{r.sender}</span>,
            average: percent(r.senderHistory.average),
            count: r.senderHistory.count,
            content: percent(r.contentScore),
            factor: r.awlFactor,
          })}
        </p>
      )}
    </div>
  );
}
