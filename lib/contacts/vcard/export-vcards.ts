import { getCard, listCards, photosOf } from "@/lib/contacts/card-store";
import type { ContactCardView } from "@/lib/contacts/card-fields";
import { PosternError } from "@/lib/http/errors";
import { writeVcard, type VcardVersion } from "./write-vcard";

/** What to export: one card (a group comes with its members), or the whole book. */
export type ExportOptions = { id?: string; version: VcardVersion };

/**
 * Cards as one .vcf file and a file name for it.
 * @throws NOT_FOUND when `id` names no card of the account
 */
export async function exportVcards(account: string, { id, version }: ExportOptions): Promise<{ filename: string; text: string }> {
  let cards: ContactCardView[];
  let filename = "contacts.vcf";
  if (id) {
    const card = await getCard(account, id);
    if (!card) throw PosternError.detailed("NOT_FOUND", "contactGone");
    cards = card.kind === "group" ? [card, ...(await listCards(account, { ids: card.links, kind: "individual" }))] : [card];
    filename = `${(card.name || card.emails[0]?.address || "contact").replace(/[^\p{L}\p{N} ._-]+/gu, "_").slice(0, 60)}.vcf`;
  } else cards = await listCards(account);
  const uidOf = new Map(cards.map((c) => [c.id, c.uid]));
  // a group exported with the whole book names all its members; one exported alone, those it holds
  const memberUid = async (ids: string[]) => {
    const unknown = ids.filter((m) => !uidOf.has(m));
    if (unknown.length) for (const c of await listCards(account, { ids: unknown })) uidOf.set(c.id, c.uid);
    return ids.flatMap((m) => uidOf.get(m) ?? []);
  };
  const photos = await photosOf(account, cards.filter((c) => c.hasPhoto).map((c) => c.id));
  const parts: string[] = [];
  for (const c of cards) {
    parts.push(writeVcard({ ...c, photo: photos.get(c.id) ?? null, memberUids: c.kind === "group" ? await memberUid(c.links) : [] }, version));
  }
  return { filename, text: parts.join("") };
}
