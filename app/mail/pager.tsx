import Link from "next/link";

type Props = {
  page: number;
  pageCount: number;
  /** The address of another page of the same list. */
  href: (page: number) => string;
  /** What the list holds, for the links' names: "Newer messages", "Older conversations". */
  noun: string;
  /** Test id of the "Page n of m" text. */
  indicatorTestId: string;
};

/** "‹ Newer", "Page n of m", "Older ›" for a list shown newest first; an end with no more pages is
 * greyed out, not a link. Shared by the message list and the thread list. */
export function Pager({ page, pageCount, href, noun, indicatorTestId }: Props) {
  return (
    <span className="pager">
      {page > 1 ? (
        <Link href={href(page - 1)} prefetch={false} aria-label={`Newer ${noun}`}>
          ‹ Newer
        </Link>
      ) : (
        <span className="disabled">‹ Newer</span>
      )}
      <span data-testid={indicatorTestId}>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} prefetch={false} aria-label={`Older ${noun}`}>
          Older ›
        </Link>
      ) : (
        <span className="disabled">Older ›</span>
      )}
    </span>
  );
}
