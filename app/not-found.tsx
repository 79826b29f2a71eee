import { getTranslations } from "next-intl/server";

/** Any address Postern does not have, in the reader's language (Next's own page speaks English only). */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mail-error">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <a href="/mail">{t("back")}</a>
      </p>
    </main>
  );
}
