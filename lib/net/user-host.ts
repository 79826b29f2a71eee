import dns from "node:dns";
import net from "node:net";
import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { classifyAddress } from "@/lib/image-proxy/classify-address";
import { type HostAllowList, normalizeHostName, parseHostAllowList, rangeAllows } from "./host-allow-list";

// Every server a user can type (IMAP, SMTP, POP3, CardDAV, news) makes Postern connect from inside
// the team's network: without this check a user could reach Postern's own services, the LAN or the
// cloud metadata service through it (SSRF). Only public addresses are used, unless the admin lists
// the host in INTERNAL_HOSTS. The check is made on the address actually connected to: callers
// connect to the address returned here (or use `checkedLookup` as the socket's resolver), so a
// second, different DNS answer can never slip past (DNS rebinding).

export type LookupAll = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

export type UserHostOptions = {
  /** Exceptions; the default is INTERNAL_HOSTS. */
  allow?: HostAllowList;
  /** DNS resolution; tests pass a fake one. */
  resolve?: LookupAll;
};

export type CheckedHost = { address: string; family: 4 | 6 };

const systemResolve: LookupAll = (hostname, callback) => dns.lookup(hostname, { all: true, verbatim: true }, callback);

let fromEnv: HostAllowList | undefined;
/** INTERNAL_HOSTS, parsed once: the environment does not change while the process runs. */
export function internalHostsAllowList(): HostAllowList {
  fromEnv ??= parseHostAllowList(getConfig().INTERNAL_HOSTS);
  return fromEnv;
}

export function hostRefused(host: string): PosternError {
  return new PosternError(
    "HOST_REFUSED",
    `${host} is a private or local address. Postern only connects to servers on the public internet, unless the administrator allows the host.`,
  );
}

/** Which of `addresses` may be used for a connection to the user-typed `host`, or a refusal. */
function checkAddresses(host: string, addresses: dns.LookupAddress[], allow: HostAllowList): dns.LookupAddress[] {
  const byName = allow.names.has(normalizeHostName(host));
  const usable = addresses.filter((a) => byName || rangeAllows(allow, a.address) || classifyAddress(a.address) === "public");
  // one internal answer among public ones is a sign of an attack: refuse the name altogether
  if (usable.length === 0 || usable.length !== addresses.length) throw hostRefused(host);
  return usable;
}

/**
 * Resolves a user-typed server name and returns the checked address to connect to. Connect to
 * that address (with the typed name as TLS servername), never to the name again.
 * @throws PosternError HOST_REFUSED (internal address), BAD_REQUEST (no such host)
 */
export async function resolveUserHost(host: string, opts: UserHostOptions = {}): Promise<CheckedHost> {
  const name = normalizeHostName(host);
  if (!name) throw new PosternError("BAD_REQUEST", "A server address is required.");
  const allow = opts.allow ?? internalHostsAllowList();
  const addresses = net.isIP(name)
    ? [{ address: name, family: net.isIP(name) }]
    : await new Promise<dns.LookupAddress[]>((resolve, reject) =>
        (opts.resolve ?? systemResolve)(name, (err, found) =>
          err || found.length === 0 ? reject(new PosternError("BAD_REQUEST", `The server ${name} was not found.`, { cause: err })) : resolve(found),
        ),
      );
  const usable = checkAddresses(name, addresses, allow);
  // IPv4 first: one pinned address gets no Happy Eyeballs fallback, and a server listening on IPv4
  // only is the common case ("localhost" is often ::1 and 127.0.0.1)
  const chosen = usable.find((a) => a.family === 4) ?? usable[0];
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

/**
 * The same check as a socket `lookup` (http/https agents, undici's connect), for clients that
 * connect by name and follow redirects: every connection, redirected or not, is checked as it is
 * made. IP literals never reach a lookup, so check a URL's host with `resolveUserHost` first too.
 */
export function checkedLookup(opts: UserHostOptions = {}): net.LookupFunction {
  return (hostname, options, callback) => {
    (opts.resolve ?? systemResolve)(hostname, (err, addresses) => {
      if (err) return callback(err, "", 4);
      let usable: dns.LookupAddress[];
      try {
        usable = checkAddresses(hostname, addresses, opts.allow ?? internalHostsAllowList());
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, "", 4);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}
