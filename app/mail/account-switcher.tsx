import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MailAccountSummary } from "@/lib/accounts/account-types";
import { mailUrl } from "./mail-url";

type Props = {
  own: string;
  accounts: Pick<MailAccountSummary, "id" | "label">[];
  /** The added account shown, null for the user's own mailbox, "unified" for all inboxes. */
  current: string | null;
};

/** The mailboxes the user reads (issue 22): their own, each added account, and all inboxes in one
 * list. In the sidebar, so on phones it is in the folder drawer with the folders it switches. */
export function AccountSwitcher({ own, accounts, current }: Props) {
  const t = useTranslations("mail");
  // `data`: the name is an address or the user's label, not catalog text
  const item = (key: string | null, href: string, name: string, testId: string, data = true) => (
    <li key={key ?? "own"}>
      <Link href={href} prefetch={false} className={current === key ? "folder active" : "folder"} aria-current={current === key ? "page" : undefined} data-testid={testId}>
        <span className="folder-name" translate={data ? "no" : undefined}>{name}</span>
      </Link>
    </li>
  );
  return (
    <nav className="folders account-switcher" aria-label={t("accountsNav")} data-testid="account-switcher">
      <ul>
        {item("unified", "/mail/unified", t("allInboxes"), "unified-inbox-link", false)}
        {item(null, mailUrl({ folder: "INBOX" }), own, "account-own")}
        {accounts.map((a) => item(a.id, mailUrl({ folder: "INBOX", list: { account: a.id } }), a.label, "account-link"))}
      </ul>
    </nav>
  );
}
