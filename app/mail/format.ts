import type { Address } from "@/lib/mime/types";

const UNITS = [
  { unit: "byte", size: 1 },
  { unit: "kilobyte", size: 1024 },
  { unit: "megabyte", size: 1024 * 1024 },
  { unit: "gigabyte", size: 1024 * 1024 * 1024 },
] as const;

/** A size in the reader's language ("12 kB", "1,5 MB", "12 กิโลไบต์"): Intl's units, binary multiples as mail clients show them. */
export function formatSize(bytes: number, locale: string): string {
  const { unit, size } = [...UNITS].reverse().find((u) => bytes >= u.size) ?? UNITS[0];
  const value = bytes / size;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    // short bytes are "460 byte" in English; long ones are "460 bytes", "460 Byte", "460 ไบต์"
    unitDisplay: unit === "byte" ? "long" : "short",
    maximumFractionDigits: unit === "megabyte" || unit === "gigabyte" ? 1 : 0,
  }).format(unit === "byte" ? value : value < 10 && unit !== "kilobyte" ? value : Math.round(value));
}

/** "Name <address>"; a group name or a sender with no address shows as its name alone. */
export function formatAddress(a: Address): string {
  if (!a.address) return a.name;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

/** The sender's name, else address; null when the message names nobody (the caller says "unknown sender" in the reader's language). */
export function displayName(a: Address | null): string | null {
  return a ? a.name || a.address || null : null;
}
