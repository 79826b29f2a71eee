import { z } from "zod";

// What the rules editor edits. Postern turns it into a Sieve script (write-script.ts) that the
// mail server runs at delivery; the same data travels inside the script so Postern can read its
// own rules back (read-script.ts). Nothing of it is stored in Postern's database.

/** A header field name (RFC 5322 ftext): printable ASCII but colon. */
const HEADER_NAME = /^[!-9;-~]+$/;

export const conditionSchema = z
  .object({
    field: z.enum(["from", "to-cc", "subject", "header", "size"]),
    /** Only for field "header". */
    header: z.string().trim().max(100).optional(),
    op: z.enum(["contains", "is", "matches", "over", "under"]),
    /** Text to look for; for size, kilobytes. */
    value: z.string().max(1000),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message });
    if (c.field === "size") {
      if (c.op !== "over" && c.op !== "under") issue("A size condition is over or under a number of KB.");
      if (!/^\d{1,9}$/.test(c.value)) issue("The size is a whole number of KB.");
    } else {
      if (c.op === "over" || c.op === "under") issue("Over/under is for sizes.");
      if (!c.value.trim()) issue("Say what to look for.");
    }
    if (c.field === "header" && !HEADER_NAME.test(c.header ?? "")) issue("Name the header, e.g. List-Id.");
  });

export const actionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("move"), folder: z.string().min(1).max(1000) }),
  z.object({ type: z.literal("mark-read") }),
  z.object({ type: z.literal("flag") }),
  z.object({ type: z.literal("redirect"), to: z.email().max(320) }),
  z.object({ type: z.literal("discard") }),
  z.object({ type: z.literal("stop") }),
]);

export const ruleSchema = z.object({
  name: z.string().trim().max(100),
  enabled: z.boolean(),
  match: z.enum(["all", "any"]),
  conditions: z.array(conditionSchema).min(1).max(20),
  actions: z.array(actionSchema).min(1).max(10),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is YYYY-MM-DD.");

export const vacationSchema = z
  .object({
    enabled: z.boolean(),
    subject: z.string().max(200),
    body: z.string().max(10_000),
    /** First and last day the reply is sent (the server's date), both optional. */
    start: isoDate.nullable(),
    end: isoDate.nullable(),
    /** Days before the same sender gets the reply again. */
    days: z.number().int().min(1).max(365),
  })
  .refine((v) => !v.enabled || v.body.trim().length > 0, { message: "Write the reply's text." })
  .refine((v) => !v.start || !v.end || v.start <= v.end, { message: "The reply's last day is before its first." });

export const filtersSchema = z.object({
  rules: z.array(ruleSchema).max(100),
  vacation: vacationSchema,
});

export type Condition = z.infer<typeof conditionSchema>;
export type FilterAction = z.infer<typeof actionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Vacation = z.infer<typeof vacationSchema>;
export type Filters = z.infer<typeof filtersSchema>;

export const NO_VACATION: Vacation = { enabled: false, subject: "", body: "", start: null, end: null, days: 7 };
export const NO_FILTERS: Filters = { rules: [], vacation: NO_VACATION };
