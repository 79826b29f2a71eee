"use client";
import { Suspense, use } from "react";
import { useTranslations } from "next-intl";
import type { MessageSpamReport } from "@/lib/spam/message-report";
import { describeFeature } from "@/lib/spam/describe-feature";
import type { SenderAuth } from "@/lib/spam/sender-auth";
import styles from "./spam-panel.module.css";

const percent = (p: number) => (p >= 0.9995 && p < 1 ? ">99.9%" : p > 0 && p < 0.0005 ? "<0.1%" : `${(p * 100).toFixed(1)}%`);

/** SPF/DKIM/DMARC as the receiving server recorded them; nothing when it recorded nothing. */
function AuthBadge({ auth }: { auth: SenderAuth }) {
  const entries = (["spf", "dkim", "dmarc"] as const).filter((k) => auth[k] !== null);
  if (!entries.length) return null;
  return (
    <span data-testid="sender-auth">
      {entries.map((k) => (
        <span key={k} className={`${styles.badge} ${auth[k] === "pass" ? styles.pass : auth[k] === "fail" || auth[k] === "softfail" ? styles.fail : ""}`}>
          {k.toUpperCase()} {auth[k]}
        </span>
      ))}
    </span>
  );
}

const signed = (n: number) => `${n > 0 ? "+" : ""}${n.toFixed(1)}`;

/** How far the learner moved a rule from its hand-set points (lib/spam/rule-weights.ts). */
function RuleLearning({ hit }: { hit: MessageSpamReport["rules"][number] }) {
  if (hit.setPoints === undefined) return null;
  if (Math.abs(hit.points - hit.setPoints) < 0.05) return <span className={styles.ruleNote}> (set at {signed(hit.setPoints)}; your mail has hardly changed it)</span>;
  const way = hit.points > hit.setPoints ? "more often in spam" : "in good mail too";
  return (
    <span className={styles.ruleNote} data-testid="spam-rule-learned">
      {" "}
      (set at {signed(hit.setPoints)}; learned from your mail, where it shows up {way})
    </span>
  );
}

/** What weighed most in the default learner's verdict, in words: each piece of evidence with how
 * far it moved the odds (a factor of 2 is one rule point). */
function LearnerEvidence({ r, learner }: { r: MessageSpamReport; learner: NonNullable<MessageSpamReport["learner"]> }) {
  return (
    <>
      <p>
        Learned filter: {percent(learner.probability)} spam, from {r.corpus.spamMessages} spam and {r.corpus.hamMessages} good messages you taught
        it. What weighed most:
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Evidence</th>
            <th scope="col">Effect on the odds</th>
          </tr>
        </thead>
        <tbody>
          {learner.evidence.map((e) => (
            <tr key={e.feature} data-testid="spam-evidence">
              <td className={styles.token} title={e.feature}>{describeFeature(e.feature)}</td>
              <td>{oddsEffect(e.contribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** +0.69 log-odds → "×2.0 toward spam". */
function oddsEffect(logOdds: number): string {
  const factor = Math.exp(Math.abs(logOdds));
  const shown = factor < 2 ? factor.toFixed(2) : factor < 10 ? factor.toFixed(1) : String(Math.round(factor));
  return `×${shown} toward ${logOdds > 0 ? "spam" : "good mail"}`;
}

function Why({ r }: { r: MessageSpamReport }) {
  return (
    <div className={styles.body} data-testid="spam-why">
      <p>
        Score <strong data-testid="spam-score">{percent(r.score)}</strong>: {r.isSpam ? "spam" : r.unsure ? "possibly spam" : "not spam"} (spam above{" "}
        {percent(r.threshold)}
        {r.unsureThreshold < r.threshold ? `, possibly spam above ${percent(r.unsureThreshold)}` : ""}).
      </p>
      {r.list && (
        <p>
          The sender is on your {r.list.kind === "allow" ? "whitelist" : "blacklist"} ({r.list.pattern}).
        </p>
      )}
      {r.verdict && (
        <p>
          {r.verdict.byUser
            ? `You marked this message as ${r.verdict.isSpam ? "spam" : "not spam"}${r.learnedAs ? "" : " (the filter already judged it so: nothing new to learn)"}.`
            : r.verdict.filed
              ? "Postern moved this message to Junk when it arrived."
              : `Judged ${r.verdict.isSpam ? "spam" : "not spam"} when it arrived (${percent(r.verdict.score)}).`}
        </p>
      )}
      {!r.trained ? (
        <p>
          The filter has not learned enough yet ({r.corpus.spamMessages} spam, {r.corpus.hamMessages} good messages): mark spam with “Spam”,
          and let it learn your good mail in <a href="/mail/settings#settings-spam">Settings</a>.
        </p>
      ) : r.learner ? (
        <LearnerEvidence r={r} learner={r.learner} />
      ) : r.bayes ? (
        <>
          <p>
            Bayesian filter (Graham): {percent(r.bayes.probability)}, learned from {r.corpus.spamMessages} spam and {r.corpus.hamMessages} good
            messages. The {r.bayes.tokens.length} words that decided:
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Word</th>
                <th scope="col">Spam probability</th>
              </tr>
            </thead>
            <tbody>
              {r.bayes.tokens.map((t) => (
                <tr key={t.token} data-testid="spam-token">
                  <td className={styles.token}>{t.token}</td>
                  <td>{t.known ? t.probability.toFixed(2) : `${t.probability.toFixed(2)} (new word)`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {r.rules.length > 0 && (
        <>
          <p>Rules ({r.rulePoints > 0 ? "+" : ""}{r.rulePoints.toFixed(1)} points; each point doubles the odds of spam):</p>
          <table>
            <tbody>
              {r.rules.map((h) => (
                <tr key={h.rule} data-testid="spam-rule">
                  <td>{h.points > 0 ? "+" : ""}{h.points.toFixed(1)}</td>
                  <td>
                    {h.description}
                    <RuleLearning hit={h} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {r.senderHistory.average !== null && r.awlFactor > 0 && (
        <p>
          Earlier mail from {r.sender} scored {percent(r.senderHistory.average)} on average ({r.senderHistory.count} messages): the score moved from{" "}
          {percent(r.contentScore)} toward it by {Math.round(r.awlFactor * 100)}%.
        </p>
      )}
    </div>
  );
}

/**
 * The sender-authentication badge and the spam filter's "why" for the open message. The report
 * comes with the page that opened the message (a promise streamed in the same response, so the
 * message shows first and no second request is made); null when it could not be made.
 */
export function SpamPanel({ report }: { report: Promise<MessageSpamReport | null> }) {
  return (
    <Suspense fallback={<div className={styles.panel} aria-busy="true" />}>
      <SpamPanelContent report={report} />
    </Suspense>
  );
}

function SpamPanelContent({ report: pending }: { report: Promise<MessageSpamReport | null> }) {
  const t = useTranslations("spamPanel");
  const report = use(pending);
  if (!report) return null;
  return (
    <div className={styles.panel} data-testid="spam-panel">
      <AuthBadge auth={report.auth} />
      <details className={styles.details}>
        <summary>
          {t.rich("summary", {
            unsure: report.unsure ? "yes" : "no",
            score: () => <span className={report.isSpam || report.unsure ? styles.spam : undefined}>{percent(report.score)}</span>,
          })}
        </summary>
        <Why r={report} />
      </details>
    </div>
  );
}
