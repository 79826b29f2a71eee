"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ListQuery } from "@/lib/imap/list-query";
import { mailUrl } from "./mail-url";

const ORDERS = [
  "arrival-desc",
  "arrival-asc",
  "date-desc",
  "date-asc",
  "from-asc",
  "from-desc",
  "subject-asc",
  "subject-desc",
  "size-desc",
  "size-asc",
] as const;

export function SortSelect({ folder, query, listParams }: { folder: string; query: ListQuery; listParams: Record<string, string> }) {
  const router = useRouter();
  const t = useTranslations("sort");
  return (
    <select
      aria-label={t("label")}
      value={`${query.sort}-${query.dir}`}
      onChange={(e) => {
        const [sort, dir] = e.target.value.split("-");
        const list = { ...listParams, sort, dir };
        if (sort === "arrival" && dir === "desc") {
          delete (list as Partial<typeof list>).sort;
          delete (list as Partial<typeof list>).dir;
        }
        router.push(mailUrl({ folder, list }));
      }}
    >
      {ORDERS.map((v) => (
        <option key={v} value={v}>
          {t(v)}
        </option>
      ))}
    </select>
  );
}
