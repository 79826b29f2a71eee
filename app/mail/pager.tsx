import Link from "next/link";
import { useTranslations } from "next-intl";

type Props = {
  page: number;
  pageCount: number;
  /** The address of another page of the same list. */
  href: (page: number) => string;
  /** What the list holds, for the links' names: "Newer messages", "Older conversations". */
  noun: "messages" | "conversations";
  /** Test id of the "Page n of m" text. */
  indicatorTestId: string;
};

/** "‹ Newer", "Page n of m", "Older ›" for a list shown newest first; an end with no more pages is
 * greyed out, not a link. Shared by the message list and the thread list. */
export function Pager({ page, pageCount, href, noun, indicatorTestId }: Props) {
  const t = useTranslations("pager");
  const [newer, older] = noun === "messages" ? (["newerMessages", "olderMessages"] as const) : (["newerConversations", "olderConversations"] as const);
  return (
    <span className="pager">
      {page > 1 ? (
        <Link href={href(page - 1)} prefetch={false} aria-label={t(newer)}>
          {t("newer")}
        </Link>
      ) : (
        <span className="disabled">{t("newer")}</span>
      )}
      <span data-testid={indicatorTestId}>{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} prefetch={false} aria-label={t(older)}>
          {t("older")}
        </Link>
      ) : (
        <span className="disabled">{t("older")}</span>
      )}
    </span>
  );
}
