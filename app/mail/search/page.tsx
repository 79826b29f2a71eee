import { requireMailSession } from "@/auth";
import { listAccounts } from "@/lib/accounts/account-store";
import { listQuerySchema } from "@/lib/imap/list-query";
import { AllFoldersSearch } from "./all-folders-search";
import { searchScopeOf } from "./search-scope";

export const dynamic = "force-dynamic";

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const params = await searchParams;
  const query = listQuerySchema.parse(params);
  const accounts = (await listAccounts(session.email)).map(({ id, label }) => ({ id, label }));
  const asked = searchScopeOf(params);
  // an account removed since the link was made: the user's own mailbox
  const scope = asked === null || asked === "all" || accounts.some((a) => a.id === asked) ? asked : null;
  return <AllFoldersSearch initialText={query.q ?? ""} initialIn={query.in} own={session.email} accounts={accounts} initialScope={accounts.length ? scope : null} />;
}
