import { z } from "zod";
import { noticeKey } from "@/app/i18n/notice-key";
import { cardFieldsSchema } from "@/lib/contacts/card-fields";
import { MAX_CONTACT_CARDS } from "@/lib/limits";

const id = z.string().min(1).max(100);

/** The contact form as zod sees it: repeated fields (email, emailLabel, phone, phoneLabel, link)
 * gathered in order, rows left empty dropped. */
export function contactFormObject(form: FormData): Record<string, unknown> {
  const all = (name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const one = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  const labels = all("emailLabel");
  const phoneLabels = all("phoneLabel");
  return {
    id: one("id") || undefined,
    kind: one("kind"),
    name: one("name") ?? "",
    organization: one("organization") ?? "",
    notes: one("notes") ?? "",
    emails: all("email").flatMap((address, i) => (address.trim() ? [{ address, label: labels[i] ?? "" }] : [])),
    phones: all("phone").flatMap((number, i) => (number.trim() ? [{ number, label: phoneLabels[i] ?? "" }] : [])),
    links: all("link"),
  };
}

export const contactFormSchema = cardFieldsSchema.extend({
  id: id.optional(),
  kind: z.enum(["individual", "group"]),
  links: z.array(id).max(MAX_CONTACT_CARDS),
});

export const cardIdSchema = z.object({ id });
export const promoteSchema = z.object({ address: z.string().trim().min(3).max(320) });

/** The first thing wrong with a refused form, naming the field and the value: a catalog notice
 * (app/i18n/notice-key.ts), said in the reader's language. */
export function describeFormError(error: z.ZodError, input: Record<string, unknown>): string {
  const issue = error.issues[0];
  const [field, index] = issue?.path ?? [];
  const rows = input[field as string];
  const value = Array.isArray(rows) && typeof index === "number" ? (rows[index] as { address?: string; number?: string }) : undefined;
  if (field === "emails" && value) return noticeKey("contactBadEmail", { value: String(value.address ?? "") });
  if (field === "phones" && value) return noticeKey("contactBadPhone", { value: String(value.number ?? "") });
  if (field === "emails" || field === "phones") return noticeKey("contactTooManyRows");
  if (field === "name") return noticeKey("contactNameTooLong");
  return noticeKey("contactFormInvalid");
}
