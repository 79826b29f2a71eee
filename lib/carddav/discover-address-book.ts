import { createAccount } from "tsdav";
import { PosternError, isPosternError } from "@/lib/http/errors";
import { checkAddressBook } from "./sync-address-book";
import { guardedFetch } from "./guarded-fetch";

type Conn = { url: string; username: string; password: string };
export type FoundAddressBook = { url: string; name: string };

const authOf = (c: Conn) => ({ authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}` });

/**
 * The address books of the user at a server given only by its address (e.g. https://dav.example.org):
 * tsdav's discovery, /.well-known/carddav (RFC 6764), then current-user-principal (RFC 5397), then
 * addressbook-home-set and the address book collections in it (RFC 6352 7.1.1, 6.1). Every request,
 * each redirect included, goes through guardedFetch, so no hop reaches an internal address.
 * @throws PosternError HOST_REFUSED | CARDDAV_UNAVAILABLE | CARDDAV_AUTH_FAILED | NOT_FOUND (no address book there)
 */
export async function discoverAddressBooks(conn: Conn): Promise<FoundAddressBook[]> {
  let books;
  try {
    const account = await createAccount({
      account: { accountType: "carddav", serverUrl: conn.url },
      headers: authOf(conn),
      fetch: guardedFetch as unknown as typeof fetch,
      loadCollections: true,
    });
    books = account.addressBooks ?? [];
  } catch (e) {
    if (isPosternError(e)) throw e;
    const message = e instanceof Error ? e.message : "";
    if (/401|Unauthorized|Invalid credentials/i.test(message)) throw new PosternError("CARDDAV_AUTH_FAILED", "The address book server refused the user name or password.", { cause: e });
    throw new PosternError("NOT_FOUND", "No address book was found at this server. Give the address book's own URL.", { cause: e });
  }
  if (books.length === 0) throw new PosternError("NOT_FOUND", "This server has no address book for this user. Create one there first, or give its URL.");
  return books.map((b) => ({ url: b.url, name: typeof b.displayName === "string" && b.displayName ? b.displayName : b.url }));
}

/**
 * The address book a typed URL means: the URL itself when it is one, else the first address book
 * discovery finds at that server (the one most servers make for a new user).
 * @throws what checkAddressBook and discoverAddressBooks throw
 */
export async function resolveAddressBook(conn: Conn): Promise<FoundAddressBook> {
  try {
    await checkAddressBook(conn);
    return { url: conn.url, name: conn.url };
  } catch (e) {
    // only "not an address book" sends us looking; a refused host or password is the answer
    if (!isPosternError(e) || e.code !== "NOT_FOUND") throw e;
  }
  const [first] = await discoverAddressBooks(conn);
  await checkAddressBook({ ...conn, url: first.url });
  return first;
}
