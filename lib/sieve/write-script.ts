import type { Condition, FilterAction, Filters, Rule, Vacation } from "./filter-rules";

/** The line that carries the rules as data, so Postern reads back exactly what it wrote. */
export const DATA_MARKER = "# postern-filters: ";

/** A Sieve quoted string: only the backslash and the double quote need escaping. */
export function sieveString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function test(c: Condition): string {
  const value = sieveString(c.value);
  switch (c.field) {
    case "size":
      return `size :${c.op} ${c.value}K`;
    case "subject":
      return `header :${c.op} "subject" ${value}`;
    case "header":
      return `header :${c.op} ${sieveString(c.header ?? "")} ${value}`;
    case "from":
    case "to-cc": {
      const fields = c.field === "from" ? `"from"` : `["to", "cc"]`;
      // "contains" searches the whole header, display name included ("Bob"); "is" and "matches"
      // compare the address alone, which is what a user means by "From is bob@example.test".
      return c.op === "contains" ? `header :contains ${fields} ${value}` : `address :${c.op} ${fields} ${value}`;
    }
  }
}

/** Flags first: fileinto and redirect act on the message as flagged so far (imap4flags). */
const ACTION_ORDER: Record<FilterAction["type"], number> = { "mark-read": 0, flag: 1, move: 2, redirect: 3, discard: 4, stop: 5 };

function action(a: FilterAction): string {
  switch (a.type) {
    case "move":
      return `fileinto ${sieveString(a.folder)};`;
    case "mark-read":
      return `addflag "\\\\Seen";`;
    case "flag":
      return `addflag "\\\\Flagged";`;
    case "redirect":
      return `redirect ${sieveString(a.to)};`;
    case "discard":
      return "discard;";
    case "stop":
      return "stop;";
  }
}

/** A comment line: line breaks in a name must not end the comment and start code. */
const comment = (s: string) => `# ${s.replace(/[\r\n]+/g, " ")}`;

function ruleBlock(rule: Rule, index: number): string[] {
  const title = comment(`Rule ${index + 1}${rule.name ? `: ${rule.name}` : ""}${rule.enabled ? "" : " (disabled)"}`);
  if (!rule.enabled) return [title, ""];
  const tests = rule.conditions.map(test);
  const cond = tests.length === 1 ? tests[0] : `${rule.match === "all" ? "allof" : "anyof"} (${tests.join(",\n    ")})`;
  const actions = [...rule.actions].sort((a, b) => ACTION_ORDER[a.type] - ACTION_ORDER[b.type]).map((a) => `  ${action(a)}`);
  return [title, `if ${cond} {`, ...actions, "}", ""];
}

function vacationBlock(v: Vacation, addresses: string[]): string[] {
  const also = addresses.length ? ` :addresses [${addresses.map(sieveString).join(", ")}]` : "";
  const reply = `vacation :days ${v.days}${v.subject ? ` :subject ${sieveString(v.subject)}` : ""}${also} ${sieveString(v.body)};`;
  const range = [
    v.start ? `currentdate :value "ge" "date" ${sieveString(v.start)}` : null,
    v.end ? `currentdate :value "le" "date" ${sieveString(v.end)}` : null,
  ].filter((t): t is string => t !== null);
  const when = v.start && v.end ? ` (${v.start} to ${v.end})` : v.start ? ` (from ${v.start})` : v.end ? ` (until ${v.end})` : "";
  const title = comment(`Vacation reply${when}`);
  if (!range.length) return [title, reply, ""];
  const cond = range.length === 1 ? range[0] : `allof (${range.join(", ")})`;
  return [title, `if ${cond} {`, `  ${reply}`, "}", ""];
}

function extensionsFor(f: Filters): string[] {
  const used = new Set<string>();
  const vacation = f.vacation.enabled;
  if (vacation) used.add("vacation");
  if (vacation && (f.vacation.start || f.vacation.end)) (used.add("date"), used.add("relational"));
  for (const r of f.rules.filter((r) => r.enabled)) {
    for (const a of r.actions) {
      if (a.type === "move") used.add("fileinto");
      if (a.type === "mark-read" || a.type === "flag") used.add("imap4flags");
    }
  }
  return ["fileinto", "imap4flags", "vacation", "date", "relational"].filter((e) => used.has(e));
}

/**
 * The Sieve script for `filters`: readable (a commented block per rule, vacation first so a rule
 * that stops or discards does not silence it), plus the rules as data on one comment line.
 * `addresses`: the user's other addresses (identities); the server replies only to mail sent to the
 * account's own address or one of these, never to lists or Bcc copies.
 */
export function writeScript(filters: Filters, opts: { addresses?: string[] } = {}): string {
  const data = Buffer.from(JSON.stringify(filters), "utf8").toString("base64url");
  const ext = extensionsFor(filters);
  const lines = [
    "# Filters written by Postern. Change them in Postern (Settings, Filters): edits made here",
    "# by hand are replaced the next time Postern saves.",
    `${DATA_MARKER}${data}`,
    ...(ext.length ? [`require [${ext.map(sieveString).join(", ")}];`] : []),
    "",
    ...(filters.vacation.enabled ? vacationBlock(filters.vacation, opts.addresses ?? []) : []),
    ...filters.rules.flatMap(ruleBlock),
  ];
  return `${lines.join("\r\n").trimEnd()}\r\n`;
}
