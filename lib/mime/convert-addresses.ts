import type { AddressObject, EmailAddress } from "mailparser";
import type { Address } from "@/lib/mime/types";

/** Turns mailparser's address header value (one header or a repeated one) into a flat list:
 * groups are replaced by their members and entries with neither name nor address are dropped. */
export function convertAddresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const headers = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return headers.flatMap((header) => flattenAddresses(header.value ?? []));
}

function flattenAddresses(entries: EmailAddress[]): Address[] {
  return entries.flatMap((entry): Address[] => {
    if (entry.group) return flattenAddresses(entry.group);
    const name = (entry.name ?? "").trim();
    const address = (entry.address ?? "").trim();
    return name || address ? [{ name, address }] : [];
  });
}
