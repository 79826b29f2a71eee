"use client";
import { useRouter } from "next/navigation";
import type { ListQuery } from "@/lib/imap/list-query";
import { mailUrl } from "./mail-url";

const ORDERS: Array<[string, string]> = [
  ["arrival-desc", "Newest first"],
  ["arrival-asc", "Oldest first"],
  ["date-desc", "Date sent, newest first"],
  ["date-asc", "Date sent, oldest first"],
  ["from-asc", "Sender A–Z"],
  ["from-desc", "Sender Z–A"],
  ["subject-asc", "Subject A–Z"],
  ["subject-desc", "Subject Z–A"],
  ["size-desc", "Largest first"],
  ["size-asc", "Smallest first"],
];

export function SortSelect({ folder, query, listParams }: { folder: string; query: ListQuery; listParams: Record<string, string> }) {
  const router = useRouter();
  return (
    <select
      aria-label="Sort messages"
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
      {ORDERS.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}
