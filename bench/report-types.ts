/** A target: the measured figure (a ratio, or an absolute value in `unit`) must not exceed `max`. */
export type Target = { max: number; of: "ratio" | "value" };

export type Status = "met" | "MISSED" | "info" | "not built yet";

/** One line of the benchmark table; the JSON file holds the same rows plus their raw details. */
export type Row = {
  id: string;
  name: string;
  measured: number | null;
  unit: string;
  baselineName: string | null;
  baseline: number | null;
  ratio: number | null;
  target: Target | null;
  status: Status;
  note?: string;
  details?: Record<string, unknown>;
};

/** Builds a row, deciding its status from the target (no target: informational). */
export function row(r: Omit<Row, "ratio" | "status"> & { status?: Status }): Row {
  const ratio = r.measured !== null && r.baseline ? r.measured / r.baseline : null;
  let status: Status = r.status ?? "info";
  if (!r.status && r.target) {
    const figure = r.target.of === "ratio" ? ratio : r.measured;
    status = figure !== null && figure <= r.target.max ? "met" : "MISSED";
  }
  return { ...r, ratio, status };
}
