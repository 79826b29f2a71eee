import { z } from "zod";
import { isValidAddress } from "@/lib/compose/parse-addresses";
import { MAX_CARD_EMAILS, MAX_CARD_PHONES } from "@/lib/limits";

const oneLine = (max: number) => z.string().max(max).transform((s) => s.replace(/[\r\n\t]+/g, " ").trim());
const label = oneLine(40);

export const cardEmailSchema = z.object({
  address: z.string().trim().toLowerCase().max(320).refine(isValidAddress, "not an email address"),
  label: label.default(""),
});
export const cardPhoneSchema = z.object({
  // Real numbers come as "+44 (0)20 7946 0000", "555-CALL-NOW", "ext. 12": any one line with a digit.
  number: oneLine(60).refine((s) => /\d/.test(s), "not a phone number"),
  label: label.default(""),
});

/** What a person's card holds, as a form, an import or the database gives it: checked once here. */
export const cardFieldsSchema = z.object({
  name: oneLine(200),
  organization: oneLine(200).default(""),
  notes: z.string().max(10_000).default(""),
  emails: z.array(cardEmailSchema).max(MAX_CARD_EMAILS).default([]),
  phones: z.array(cardPhoneSchema).max(MAX_CARD_PHONES).default([]),
});

export type CardEmail = z.infer<typeof cardEmailSchema>;
export type CardPhone = z.infer<typeof cardPhoneSchema>;
export type CardFields = z.infer<typeof cardFieldsSchema>;
export type CardKind = "individual" | "group";

/** A card as pages, autocomplete and export see it (the photo's bytes are fetched on their own). */
export type ContactCardView = CardFields & {
  id: string;
  uid: string;
  kind: CardKind;
  hasPhoto: boolean;
  /** For a group, its members' ids; for a person, the groups they are in. */
  links: string[];
};
