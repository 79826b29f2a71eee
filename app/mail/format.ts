import type { Address } from "@/lib/mime/types";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Name <address>"; a group name or a sender with no address shows as its name alone. */
export function formatAddress(a: Address): string {
  if (!a.address) return a.name;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export function displayName(a: Address | null): string {
  return a ? a.name || a.address || "(unknown sender)" : "(unknown sender)";
}
