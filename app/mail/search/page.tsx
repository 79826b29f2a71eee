import { requireMailSession } from "@/auth";
import { listQuerySchema } from "@/lib/imap/list-query";
import { AllFoldersSearch } from "./all-folders-search";

export const dynamic = "force-dynamic";

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireMailSession();
  const query = listQuerySchema.parse(await searchParams);
  return <AllFoldersSearch initialText={query.q ?? ""} initialIn={query.in} />;
}
