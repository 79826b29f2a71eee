"use client";
import { useTranslations } from "next-intl";
import type { Condition, FilterAction } from "@/lib/sieve/filter-rules";

export type Folder = { path: string; name: string; specialUse: string | null };

const FIELDS: Condition["field"][] = ["from", "to-cc", "subject", "header", "size"];
const TEXT_OPS: Condition["op"][] = ["contains", "is", "matches"];
const SIZE_OPS: Condition["op"][] = ["over", "under"];
const ACTIONS: FilterAction["type"][] = ["move", "mark-read", "flag", "redirect", "discard", "stop"];

export function defaultAction(type: FilterAction["type"], folders: Folder[]): FilterAction {
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

export function ConditionRow({ condition: c, onChange, onRemove }: { condition: Condition; onChange: (c: Condition) => void; onRemove?: () => void }) {
  const t = useTranslations("filters");
  const ops = c.field === "size" ? SIZE_OPS : TEXT_OPS;
  return (
    <div className="filter-row">
      <select
        aria-label={t("conditionField")}
        value={c.field}
        onChange={(e) => {
          const field = e.target.value as Condition["field"];
          const sizeNow = field === "size";
          const sizeBefore = c.field === "size";
          onChange({ ...c, field, op: sizeNow === sizeBefore ? c.op : sizeNow ? "over" : "contains", value: sizeNow === sizeBefore ? c.value : "" });
        }}
      >
        {FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`field.${f}`)}
          </option>
        ))}
      </select>
      {c.field === "header" && (
        <input aria-label={t("headerName")} placeholder={t("headerPlaceholder")} value={c.header ?? ""} maxLength={100} onChange={(e) => onChange({ ...c, header: e.target.value })} />
      )}
      <select aria-label={t("conditionOperator")} value={c.op} onChange={(e) => onChange({ ...c, op: e.target.value as Condition["op"] })}>
        {ops.map((o) => (
          <option key={o} value={o}>
            {t(`op.${o}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t("conditionValue")}
        value={c.value}
        inputMode={c.field === "size" ? "numeric" : undefined}
        maxLength={1000}
        onChange={(e) => onChange({ ...c, value: e.target.value })}
      />
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label={t("removeCondition")}>
          ✕
        </button>
      )}
    </div>
  );
}

export function ActionRow(p: { action: FilterAction; folders: Folder[]; onChange: (a: FilterAction) => void; onRemove?: () => void }) {
  const t = useTranslations("filters");
  const a = p.action;
  return (
    <div className="filter-row">
      <select aria-label={t("actionLabel")} value={a.type} onChange={(e) => p.onChange(defaultAction(e.target.value as FilterAction["type"], p.folders))}>
        {ACTIONS.map((x) => (
          <option key={x} value={x}>
            {t(`action.${x}`)}
          </option>
        ))}
      </select>
      {a.type === "move" && (
        <select aria-label={t("folder")} value={a.folder} onChange={(e) => p.onChange({ type: "move", folder: e.target.value })}>
          {p.folders.map((f) => (
            <option key={f.path} value={f.path} translate="no">
              {f.name}
            </option>
          ))}
        </select>
      )}
      {a.type === "redirect" && (
        <input aria-label={t("forwardTo")} type="email" placeholder={t("forwardPlaceholder")} value={a.to} onChange={(e) => p.onChange({ type: "redirect", to: e.target.value })} />
      )}
      {p.onRemove && (
        <button type="button" onClick={p.onRemove} aria-label={t("removeAction")}>
          ✕
        </button>
      )}
    </div>
  );
}

