import { useTranslations } from "next-intl";
import type { ContactCardView } from "@/lib/contacts/card-fields";
import { MAX_CONTACT_PHOTO_BYTES } from "@/lib/limits";
import { CsrfField } from "../csrf-field";
import ids from "../identities/identities.module.css";
import { deleteContactAction, removePhotoAction, saveContactAction, setPhotoAction } from "./actions";
import styles from "./contacts.module.css";

type Props = {
  card: ContactCardView | null;
  kind: "individual" | "group";
  /** Groups a person may be in, or people a group may hold. */
  choices: { id: string; label: string }[];
};

/** Existing rows and two empty ones, so a second address or number is typed without script. */
const withBlanks = <T,>(rows: T[], blank: T) => [...rows, blank, blank];

/** A person's or a group's fields; plain forms, working without JavaScript. */
export function ContactForm({ card, kind, choices }: Props) {
  const t = useTranslations("contacts");
  const person = kind === "individual";
  return (
    <section className={ids.panel} aria-labelledby="contact-form-title" data-testid="contact-form">
      {card ? (
        <h2 id="contact-form-title" translate="no">{card.name || card.emails[0]?.address}</h2>
      ) : (
        <h2 id="contact-form-title">{person ? t("newContact") : t("newGroup")}</h2>
      )}
      {card?.hasPhoto && (
        // eslint-disable-next-line @next/next/no-img-element -- a same-origin route with its own headers, not a static asset
        <img src={`/api/contacts/photo?id=${encodeURIComponent(card.id)}`} alt="" className={styles.photo} data-testid="contact-photo" />
      )}
      <form action={saveContactAction} className={ids.form}>
        <CsrfField />
        {card && <input type="hidden" name="id" value={card.id} />}
        <input type="hidden" name="kind" value={kind} />
        <label>
          {t("name")}
          <input name="name" defaultValue={card?.name ?? ""} maxLength={200} required={!person} />
        </label>
        {person && (
          <>
            <label>
              {t("organisation")}
              <input name="organization" defaultValue={card?.organization ?? ""} maxLength={200} />
            </label>
            <fieldset className={styles.rows}>
              <legend className={ids.hint}>{t("emails")}</legend>
              {withBlanks(card?.emails ?? [], { address: "", label: "" }).map((e, i) => (
                <div className={styles.row} key={`e${i}`}>
                  <input name="email" type="email" defaultValue={e.address} maxLength={320} aria-label={t("email", { n: i + 1 })} />
                  <input name="emailLabel" defaultValue={e.label} maxLength={40} aria-label={t("emailLabel", { n: i + 1 })} placeholder={t("labelPlaceholder")} />
                </div>
              ))}
            </fieldset>
            <fieldset className={styles.rows}>
              <legend className={ids.hint}>{t("phones")}</legend>
              {withBlanks(card?.phones ?? [], { number: "", label: "" }).map((p, i) => (
                <div className={styles.row} key={`p${i}`}>
                  <input name="phone" type="tel" defaultValue={p.number} maxLength={60} aria-label={t("phone", { n: i + 1 })} />
                  <input name="phoneLabel" defaultValue={p.label} maxLength={40} aria-label={t("phoneLabel", { n: i + 1 })} placeholder={t("labelPlaceholder")} />
                </div>
              ))}
            </fieldset>
          </>
        )}
        <label className={ids.wide}>
          {t("notes")}
          <textarea name="notes" defaultValue={card?.notes ?? ""} rows={3} maxLength={10_000} />
        </label>
        {choices.length > 0 && (
          <fieldset className={styles.checks}>
            <legend className={ids.hint}>{person ? t("groups") : t("members")}</legend>
            {choices.map((c) => (
              <label key={c.id}>
                <input type="checkbox" name="link" value={c.id} defaultChecked={card?.links.includes(c.id) ?? false} />
                <span translate="no">{c.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" className={ids.button}>
          {card ? t("save") : person ? t("addContact") : t("addGroup")}
        </button>
      </form>
      {card && person && (
        <form action={setPhotoAction} className={styles.inline}>
          <CsrfField />
          <input type="hidden" name="id" value={card.id} />
          <label className={ids.hint}>
            {t("photo", { kb: MAX_CONTACT_PHOTO_BYTES / 1024 })}{" "}
            <input type="file" name="photo" accept="image/jpeg,image/png,image/gif,image/webp" />
          </label>
          <button type="submit" className={ids.secondary}>{t("uploadPhoto")}</button>
        </form>
      )}
      {card?.hasPhoto && (
        <form action={removePhotoAction}>
          <CsrfField />
          <input type="hidden" name="id" value={card.id} />
          <button type="submit" className={ids.secondary}>{t("removePhoto")}</button>
        </form>
      )}
      {card && (
        <div className={styles.inline}>
          <a className={ids.secondary} href={`/api/contacts/export?id=${encodeURIComponent(card.id)}`} download>
            {t("exportOne")}
          </a>
          <form action={deleteContactAction}>
            <CsrfField />
            <input type="hidden" name="id" value={card.id} />
            <button type="submit" className={ids.danger}>{t("delete")}</button>
          </form>
        </div>
      )}
    </section>
  );
}
