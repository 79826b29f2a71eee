"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Condition, FilterAction, Filters, Rule, Vacation } from "@/lib/sieve/filter-rules";
import styles from "../identities/identities.module.css";
import type { Prefill } from "./prefill";
import { mutationHeaders } from "../mutation-headers";

type Folder = { path: string; name: string; specialUse: string | null };
type Props = { initial: Filters; active: boolean; folders: Folder[]; prefill: Prefill; script: string };

const FIELDS: { value: Condition["field"]; label: string }[] = [
  { value: "from", label: "From" },
  { value: "to-cc", label: "To or Cc" },
  { value: "subject", label: "Subject" },
  { value: "header", label: "Header…" },
  { value: "size", label: "Size (KB)" },
];
const TEXT_OPS: { value: Condition["op"]; label: string }[] = [
  { value: "contains", label: "contains" },
  { value: "is", label: "is" },
  { value: "matches", label: "matches (* and ?)" },
];
const SIZE_OPS: { value: Condition["op"]; label: string }[] = [
  { value: "over", label: "is over" },
  { value: "under", label: "is under" },
];
const ACTIONS: { value: FilterAction["type"]; label: string }[] = [
  { value: "move", label: "Move to folder" },
  { value: "mark-read", label: "Mark as read" },
  { value: "flag", label: "Star" },
  { value: "redirect", label: "Forward to" },
  { value: "discard", label: "Delete silently" },
  { value: "stop", label: "Stop here (skip later rules)" },
];

function defaultAction(type: FilterAction["type"], folders: Folder[]): FilterAction {
  if (type === "move") return { type, folder: defaultFolder(folders) };
  if (type === "redirect") return { type, to: "" };
  return { type };
}

/** Where a new "move" rule files mail: Archive, else the user's first own folder. */
function defaultFolder(folders: Folder[]): string {
  const pick =
    folders.find((f) => f.specialUse === "\\Archive") ??
    folders.find((f) => !f.specialUse) ??
    folders.find((f) => f.specialUse !== "\\Inbox");
  return pick?.path ?? "INBOX";
}

function newRule(folders: Folder[], prefill?: Prefill): Rule {
  const conditions: Condition[] = [];
  if (prefill?.from) conditions.push({ field: "from", op: "contains", value: prefill.from });
  if (prefill?.subject) conditions.push({ field: "subject", op: "contains", value: prefill.subject });
  if (!conditions.length) conditions.push({ field: "from", op: "contains", value: "" });
  return { name: prefill?.from ? `From ${prefill.from}` : "", enabled: true, match: "all", conditions, actions: [defaultAction("move", folders)] };
}

/** Rules editor: edits the whole set locally, then saves it in one request (one Sieve script). */
export function FiltersEditor({ initial, active, folders, prefill, script }: Props) {
  const router = useRouter();
  const [rules, setRules] = useState<Rule[]>(initial.rules);
  const [vacation, setVacation] = useState<Vacation>(initial.vacation);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const prefilled = useRef(false);

  useEffect(() => {
    if (prefilled.current || (!prefill.from && !prefill.subject)) return;
    prefilled.current = true;
    setRules((r) => [...r, newRule(folders, prefill)]);
  }, [prefill, folders]);

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
      if (!res.ok) throw new Error(json?.error?.message ?? "The filters could not be saved.");
      setStatus({ kind: "ok", text: "Filters saved. The mail server applies them to new mail." });
      router.refresh();
    } catch (e) {
      setStatus({ kind: "error", text: e instanceof Error ? e.message : "The filters could not be saved." });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className={styles.panel} aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules {active || rules.length === 0 ? "" : "(not active yet)"}</h2>
        {rules.length === 0 && <p className={styles.hint}>No rules yet.</p>}
        {rules.map((rule, i) => (
          <fieldset key={i} className="filter-rule" aria-label={`Rule ${i + 1}`}>
            <legend>Rule {i + 1}</legend>
            <div className="filter-row">
              <input aria-label="Rule name" placeholder="Name (optional)" value={rule.name} maxLength={100} onChange={(e) => updateRule(i, { name: e.target.value })} />
              <label>
                <input type="checkbox" checked={rule.enabled} onChange={(e) => updateRule(i, { enabled: e.target.checked })} /> Enabled
              </label>
              <button type="button" onClick={() => moveRule(i, -1)} disabled={i === 0} aria-label={`Move rule ${i + 1} up`}>↑</button>
              <button type="button" onClick={() => moveRule(i, 1)} disabled={i === rules.length - 1} aria-label={`Move rule ${i + 1} down`}>↓</button>
              <button type="button" className={styles.danger} onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>
                Delete rule
              </button>
            </div>
            <div className="filter-row">
              <label>
                When{" "}
                <select aria-label="Match" value={rule.match} onChange={(e) => updateRule(i, { match: e.target.value as Rule["match"] })}>
                  <option value="all">all</option>
                  <option value="any">any</option>
                </select>{" "}
                of these are true:
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
              Add condition
            </button>
            <p className={styles.hint}>Then:</p>
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
              Add action
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setRules((rs) => [...rs, newRule(folders)])}>
          Add rule
        </button>
      </section>

      <VacationSection vacation={vacation} onChange={setVacation} />

      <div className="filter-row">
        <button type="button" className={styles.button} onClick={save} disabled={busy}>
          {busy ? "Saving…" : "Save filters"}
        </button>
        {status && (
          <span role={status.kind === "error" ? "alert" : "status"} data-testid="filters-status" className={status.kind === "error" ? styles.noticeError : styles.notice}>
            {status.text}
          </span>
        )}
      </div>
      <details className={styles.panel}>
        <summary>The Sieve script Postern wrote</summary>
        <pre className="sieve-script" data-testid="postern-script">{script}</pre>
      </details>
    </>
  );
}

function ConditionRow({ condition: c, onChange, onRemove }: { condition: Condition; onChange: (c: Condition) => void; onRemove?: () => void }) {
  const ops = c.field === "size" ? SIZE_OPS : TEXT_OPS;
  return (
    <div className="filter-row">
      <select
        aria-label="Condition field"
        value={c.field}
        onChange={(e) => {
          const field = e.target.value as Condition["field"];
          const sizeNow = field === "size";
          const sizeBefore = c.field === "size";
          onChange({ ...c, field, op: sizeNow === sizeBefore ? c.op : sizeNow ? "over" : "contains", value: sizeNow === sizeBefore ? c.value : "" });
        }}
      >
        {FIELDS.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      {c.field === "header" && (
        <input aria-label="Header name" placeholder="e.g. List-Id" value={c.header ?? ""} maxLength={100} onChange={(e) => onChange({ ...c, header: e.target.value })} />
      )}
      <select aria-label="Condition operator" value={c.op} onChange={(e) => onChange({ ...c, op: e.target.value as Condition["op"] })}>
        {ops.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <input
        aria-label="Condition value"
        value={c.value}
        inputMode={c.field === "size" ? "numeric" : undefined}
        maxLength={1000}
        onChange={(e) => onChange({ ...c, value: e.target.value })}
      />
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label="Remove condition">
          ✕
        </button>
      )}
    </div>
  );
}

function ActionRow(p: { action: FilterAction; folders: Folder[]; onChange: (a: FilterAction) => void; onRemove?: () => void }) {
  const a = p.action;
  return (
    <div className="filter-row">
      <select aria-label="Action" value={a.type} onChange={(e) => p.onChange(defaultAction(e.target.value as FilterAction["type"], p.folders))}>
        {ACTIONS.map((x) => (
          <option key={x.value} value={x.value}>
            {x.label}
          </option>
        ))}
      </select>
      {a.type === "move" && (
        <select aria-label="Folder" value={a.folder} onChange={(e) => p.onChange({ type: "move", folder: e.target.value })}>
          {p.folders.map((f) => (
            <option key={f.path} value={f.path}>
              {f.name}
            </option>
          ))}
        </select>
      )}
      {a.type === "redirect" && (
        <input aria-label="Forward to address" type="email" placeholder="someone@example.com" value={a.to} onChange={(e) => p.onChange({ type: "redirect", to: e.target.value })} />
      )}
      {p.onRemove && (
        <button type="button" onClick={p.onRemove} aria-label="Remove action">
          ✕
        </button>
      )}
    </div>
  );
}

function VacationSection({ vacation: v, onChange }: { vacation: Vacation; onChange: (v: Vacation) => void }) {
  const set = (change: Partial<Vacation>) => onChange({ ...v, ...change });
  return (
    <section className={styles.panel} aria-labelledby="vacation-heading">
      <h2 id="vacation-heading">Vacation reply</h2>
      <div className={styles.form}>
        <label className={`${styles.check} ${styles.wide}`}>
          <input type="checkbox" checked={v.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          Reply automatically to mail that arrives
        </label>
        <label>
          First day
          <input type="date" value={v.start ?? ""} onChange={(e) => set({ start: e.target.value || null })} />
        </label>
        <label>
          Last day
          <input type="date" value={v.end ?? ""} onChange={(e) => set({ end: e.target.value || null })} />
        </label>
        <label className={styles.wide}>
          Subject
          <input value={v.subject} maxLength={200} onChange={(e) => set({ subject: e.target.value })} />
        </label>
        <label className={styles.wide}>
          Message
          <textarea rows={5} value={v.body} maxLength={10_000} onChange={(e) => set({ body: e.target.value })} />
        </label>
        <label>
          Days before replying to the same sender again
          <input type="number" min={1} max={365} value={v.days} onChange={(e) => set({ days: Math.min(365, Math.max(1, Number(e.target.value) || 1)) })} />
        </label>
      </div>
    </section>
  );
}
