"use client";
import { useErrorText } from "@/app/i18n/use-error-text";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Condition, Filters, Rule, Vacation } from "@/lib/sieve/filter-rules";
import { ActionRow, ConditionRow, defaultAction, type Folder } from "./filter-rows";
import { VacationSection } from "./vacation-section";
import styles from "../identities/identities.module.css";
import type { Prefill } from "./prefill";
import { mutationHeaders } from "../mutation-headers";

type Props = { initial: Filters; active: boolean; folders: Folder[]; prefill: Prefill; script: string };

function newRule(folders: Folder[], prefill?: Prefill, fromName?: (from: string) => string): Rule {
  const conditions: Condition[] = [];
  if (prefill?.from) conditions.push({ field: "from", op: "contains", value: prefill.from });
  if (prefill?.subject) conditions.push({ field: "subject", op: "contains", value: prefill.subject });
  if (!conditions.length) conditions.push({ field: "from", op: "contains", value: "" });
  return { name: prefill?.from && fromName ? fromName(prefill.from) : "", enabled: true, match: "all", conditions, actions: [defaultAction("move", folders)] };
}

/** Rules editor: edits the whole set locally, then saves it in one request (one Sieve script). */
export function FiltersEditor({ initial, active, folders, prefill, script }: Props) {
  const t = useTranslations("filters");
  const sayAnswerError = useErrorText();
  const router = useRouter();
  const [rules, setRules] = useState<Rule[]>(initial.rules);
  const [vacation, setVacation] = useState<Vacation>(initial.vacation);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const prefilled = useRef(false);

  useEffect(() => {
    if (prefilled.current || (!prefill.from && !prefill.subject)) return;
    prefilled.current = true;
    setRules((r) => [...r, newRule(folders, prefill, (from) => t("fromName", { from }))]);
  }, [prefill, folders, t]);

  const updateRule = (i: number, change: Partial<Rule>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const moveRule = (i: number, delta: number) =>
    setRules((rs) => {
      const j = i + delta;
      if (j < 0 || j >= rs.length) return rs;
      const next = [...rs];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });

  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const res = await fetch("/api/filters", {
        method: "POST",
        headers: mutationHeaders({ "content-type": "application/json" }),
        body: JSON.stringify({ rules, vacation }),
      });
      const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (res.status === 401) return router.push("/login?reason=expired");
      if (!res.ok) throw new Error(sayAnswerError(json, t("notSaved")));
      setStatus({ kind: "ok", text: t("saved") });
      router.refresh();
    } catch (e) {
      setStatus({ kind: "error", text: e instanceof Error ? e.message : t("notSaved") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className={styles.panel} aria-labelledby="rules-heading">
        <h2 id="rules-heading">{active || rules.length === 0 ? t("rules") : t("rulesInactive")}</h2>
        {rules.length === 0 && <p className={styles.hint}>{t("noRules")}</p>}
        {rules.map((rule, i) => (
          <fieldset key={i} className="filter-rule" aria-label={t("rule", { n: i + 1 })}>
            <legend>{t("rule", { n: i + 1 })}</legend>
            <div className="filter-row">
              <input aria-label={t("ruleName")} placeholder={t("ruleNamePlaceholder")} value={rule.name} maxLength={100} onChange={(e) => updateRule(i, { name: e.target.value })} />
              <label>
                <input type="checkbox" checked={rule.enabled} onChange={(e) => updateRule(i, { enabled: e.target.checked })} /> {t("enabled")}
              </label>
              <button type="button" onClick={() => moveRule(i, -1)} disabled={i === 0} aria-label={t("moveUp", { n: i + 1 })}>↑</button>
              <button type="button" onClick={() => moveRule(i, 1)} disabled={i === rules.length - 1} aria-label={t("moveDown", { n: i + 1 })}>↓</button>
              <button type="button" className={styles.danger} onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>
                {t("deleteRule")}
              </button>
            </div>
            <div className="filter-row">
              <label>
                {t("when")}{" "}
                <select aria-label={t("match")} value={rule.match} onChange={(e) => updateRule(i, { match: e.target.value as Rule["match"] })}>
                  <option value="all">{t("all")}</option>
                  <option value="any">{t("any")}</option>
                </select>{" "}
                {t("areTrue")}
              </label>
            </div>
            {rule.conditions.map((c, k) => (
              <ConditionRow
                key={k}
                condition={c}
                onChange={(next) => updateRule(i, { conditions: rule.conditions.map((x, m) => (m === k ? next : x)) })}
                onRemove={rule.conditions.length > 1 ? () => updateRule(i, { conditions: rule.conditions.filter((_, m) => m !== k) }) : undefined}
              />
            ))}
            <button type="button" onClick={() => updateRule(i, { conditions: [...rule.conditions, { field: "subject", op: "contains", value: "" }] })}>
              {t("addCondition")}
            </button>
            <p className={styles.hint}>{t("then")}</p>
            {rule.actions.map((a, k) => (
              <ActionRow
                key={k}
                action={a}
                folders={folders}
                onChange={(next) => updateRule(i, { actions: rule.actions.map((x, m) => (m === k ? next : x)) })}
                onRemove={rule.actions.length > 1 ? () => updateRule(i, { actions: rule.actions.filter((_, m) => m !== k) }) : undefined}
              />
            ))}
            <button type="button" onClick={() => updateRule(i, { actions: [...rule.actions, defaultAction("mark-read", folders)] })}>
              {t("addAction")}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setRules((rs) => [...rs, newRule(folders)])}>
          {t("addRule")}
        </button>
      </section>

      <VacationSection vacation={vacation} onChange={setVacation} />

      <div className="filter-row">
        <button type="button" className={styles.button} onClick={save} disabled={busy}>
          {busy ? t("saving") : t("save")}
        </button>
        {status && (
          <span role={status.kind === "error" ? "alert" : "status"} data-testid="filters-status" className={status.kind === "error" ? styles.noticeError : styles.notice}>
            {status.text}
          </span>
        )}
      </div>
      <details className={styles.panel}>
        <summary>{t("script")}</summary>
        <pre className="sieve-script" data-testid="postern-script" translate="no">{script}</pre>
      </details>
    </>
  );
}

