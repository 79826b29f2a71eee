import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { getBook } from "@/lib/carddav/book-store";
import { getCard, listCards } from "@/lib/contacts/card-store";
import type { ContactCardView } from "@/lib/contacts/card-fields";
import { listCollected } from "@/lib/contacts/collected-contacts";
import { readNotice } from "@/lib/http/signed-notice";
import { CsrfField } from "../csrf-field";
import ids from "../identities/identities.module.css";
import { SettingsFrame } from "../settings-frame";
import { promoteCollectedAction } from "./actions";
import { CardDavSection } from "./carddav-section";
import { ContactForm } from "./contact-form";
import styles from "./contacts.module.css";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";

/** Entries listed at once; a search narrows a bigger book. */
const SHOWN = 200;

const paramsSchema = z.object({
  q: z.string().max(200).catch("").default(""),
  id: z.string().max(100).optional().catch(undefined),
  new: z.enum(["individual", "group"]).optional().catch(undefined),
});

const labelOf = (c: ContactCardView) => c.name || c.emails[0]?.address || "";

function Entry({ card, current, q }: { card: ContactCardView; current: boolean; q: string }) {
  const t = useTranslations("contacts");
  const sub = card.kind === "group" ? t("groupMembers", { count: card.links.length }) : [card.emails[0]?.address, card.organization].filter(Boolean).join(" · ");
  const label = labelOf(card);
  return (
    <a href={`/mail/contacts?${new URLSearchParams({ ...(q ? { q } : {}), id: card.id })}`} className={current ? styles.current : styles.entry} aria-current={current ? "true" : undefined} data-testid="contact-entry">
      {card.hasPhoto ? (
        // eslint-disable-next-line @next/next/no-img-element -- a same-origin route with its own headers
        <img src={`/api/contacts/photo?id=${encodeURIComponent(card.id)}`} alt="" className={styles.avatar} />
      ) : (
        <span className={styles.avatar} aria-hidden="true" translate="no">{label.slice(0, 1).toUpperCase()}</span>
      )}
      <span className={styles.entryText}>
        {label ? <span translate="no">{label}</span> : <span>{t("noName")}</span>}
        {sub && <span className={styles.sub} translate={card.kind === "group" ? undefined : "no"}>{sub}</span>}
      </span>
    </a>
  );
}

/** The address book: people and groups, the addresses collected from sent mail, and one entry's form. */
export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const query = await searchParams;
  const notice = readNotice(query);
  const params = paramsSchema.parse(query);
  const [cards, collected, selected, everyone, book] = await Promise.all([
    listCards(session.email, { query: params.q, limit: SHOWN + 1 }),
    listCollected(session.email, { query: params.q, limit: 30 }),
    params.id ? getCard(session.email, params.id) : null,
    listCards(session.email, { limit: 1000 }),
    getBook(session.email),
  ]);
  const kind = selected?.kind ?? params.new;
  const t = await getTranslations("contacts");
  // A person chooses among groups, a group among people (the first 1000 by name).
  const choices = everyone.filter((c) => c.kind !== kind).map((c) => ({ id: c.id, label: labelOf(c) || t("noName") }));
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="contacts-notice" wide>
      <div className={styles.tools}>
        <form method="get" role="search" className={styles.search}>
          <input type="search" name="q" defaultValue={params.q} placeholder={t("searchPlaceholder")} aria-label={t("search")} maxLength={200} />
          <button type="submit" className={styles.tool}>{t("searchButton")}</button>
        </form>
        <a href="/mail/contacts?new=individual" className={styles.toolPrimary} data-testid="new-contact">{t("newContact")}</a>
        <a href="/mail/contacts?new=group" className={styles.tool}>{t("newGroup")}</a>
        <a href="/api/contacts/export" className={styles.tool} download data-testid="export-all">{t("exportAll")}</a>
        <a href="/api/contacts/export?version=3.0" className={styles.tool} download title={t("export3Hint")}>{t("export3")}</a>
      </div>
      <div className={styles.layout}>
        <div>
          <section className={ids.panel} aria-labelledby="book-title">
            <h2 id="book-title">{params.q ? t.rich("matching", { q: () => <span translate="no">{params.q}</span> }) : t("title")}</h2>
            {cards.length === 0 ? (
              <p className={ids.hint}>{params.q ? t("noMatch") : t("empty")}</p>
            ) : (
              <ul className={styles.list} data-testid="contact-list">
                {cards.slice(0, SHOWN).map((c) => (
                  <li key={c.id}>
                    <Entry card={c} current={c.id === selected?.id} q={params.q} />
                  </li>
                ))}
              </ul>
            )}
            {cards.length > SHOWN && <p className={ids.hint}>{t("onlyFirst", { count: SHOWN })}</p>}
          </section>
          <section className={ids.panel} aria-labelledby="collected-title" data-testid="collected">
            <h2 id="collected-title">{t("collected")}</h2>
            {collected.length === 0 ? (
              <p className={ids.hint}>{params.q ? t("allCollectedMatching") : t("allCollected")}</p>
            ) : (
              collected.map((c) => (
                <div key={c.address} className={styles.collected} data-testid="collected-entry">
                  <span className={styles.entryText}>
                    <span translate="no">{c.name || c.address}</span>
                    {c.name && <span className={styles.sub} translate="no">{c.address}</span>}
                  </span>
                  <form action={promoteCollectedAction}>
                    <CsrfField />
                    <input type="hidden" name="address" value={c.address} />
                    <button type="submit" className={styles.tool} aria-label={t("addLabel", { address: c.address })}>{t("add")}</button>
                  </form>
                </div>
              ))
            )}
          </section>
        </div>
        <div className={styles.detail}>
          {selected || params.new ? (
            <ContactForm key={selected?.id ?? params.new} card={selected} kind={kind ?? "individual"} choices={choices} />
          ) : (
            params.id && <p className={ids.noticeError} role="alert">{t("gone")}</p>
          )}
          <ImportForm csrf={<CsrfField />} />
          <CardDavSection book={book} />
        </div>
      </div>
    </SettingsFrame>
  );
}
