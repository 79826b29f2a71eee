import { NNTP_MAX_LIST_BYTES } from "@/lib/limits";
import type { NntpConnection } from "../connection";
import { expectCode } from "../expect-code";
import { DEFAULT_OVERVIEW_FORMAT, parseOverviewFormat, parseOverviewLine, type OverviewFormat, type OverviewRow } from "../parse-overview";

/** LIST OVERVIEW.FMT (RFC 3977 8.4): which extra fields OVER sends; a default when not supported. */
export async function readOverviewFormat(conn: NntpConnection): Promise<OverviewFormat> {
  const { response, lines } = await conn.commandWithBlock("LIST OVERVIEW.FMT", [215], 64 * 1024);
  if (response.code !== 215 || !lines) return DEFAULT_OVERVIEW_FORMAT;
  return parseOverviewFormat(lines.map((l) => l.toString("latin1")));
}

export type OverviewResult = { rows: OverviewRow[]; malformed: number };

/**
 * OVER low-high in the selected group (RFC 3977 8.3), XOVER on servers from before it. Lines that
 * cannot be read are counted in `malformed`, not fatal: one bad line never hides a page.
 */
export async function fetchOverview(
  conn: NntpConnection,
  opts: { low: number; high: number; format: OverviewFormat; useXover?: boolean },
): Promise<OverviewResult> {
  const verb = opts.useXover ? "XOVER" : "OVER";
  const { response, lines } = await conn.commandWithBlock(`${verb} ${opts.low}-${opts.high}`, [224], NNTP_MAX_LIST_BYTES);
  // 423: no articles in that range
  if (response.code === 423) return { rows: [], malformed: 0 };
  expectCode(response, [224], verb);
  const rows: OverviewRow[] = [];
  let malformed = 0;
  for (const l of lines ?? []) {
    const row = parseOverviewLine(l, opts.format);
    if (row && row.number >= opts.low && row.number <= opts.high) rows.push(row);
    else malformed++;
  }
  return { rows, malformed };
}
