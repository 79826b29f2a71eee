import { NNTP_MAX_LIST_BYTES } from "@/lib/limits";
import type { NntpConnection } from "../connection";
import { checkArgument, expectCode } from "../expect-code";

/** HDR field low-high (RFC 3977 8.5), XHDR on servers from before it: article number -> raw value. */
export async function readHeaderField(
  conn: NntpConnection,
  opts: { field: string; low: number; high: number; useXhdr?: boolean },
): Promise<Map<number, Buffer>> {
  const verb = opts.useXhdr ? "XHDR" : "HDR";
  const line = `${verb} ${checkArgument(opts.field, "header name")} ${opts.low}-${opts.high}`;
  const { response, lines } = await conn.commandWithBlock(line, [221, 225], NNTP_MAX_LIST_BYTES);
  // 423: no articles in the range
  if (response.code === 423) return new Map();
  expectCode(response, [221, 225], verb);
  const out = new Map<number, Buffer>();
  for (const l of lines ?? []) {
    const sp = l.indexOf(0x20);
    const n = Number(l.subarray(0, sp < 0 ? l.length : sp).toString("latin1"));
    if (Number.isSafeInteger(n) && n > 0) out.set(n, sp < 0 ? Buffer.alloc(0) : l.subarray(sp + 1));
  }
  return out;
}
