// Connecting only to allowed addresses. The check runs after DNS resolution, on the
// addresses the socket is handed, and again on the socket's actual peer address, so a
// host name that resolves to 127.0.0.1 (or an IP literal, which skips DNS) is refused on
// every hop, and there is no second lookup an attacker could rebind.
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent, buildConnector } from 'undici';
import { classifyAddress, describeAddress } from './address.js';
import type { AllowPrivate, Resolver } from './types.js';

/** Thrown inside the connector; the fetcher turns it into a 'blocked-address' outcome. */
export class BlockedAddressError extends Error {
  constructor(hostname: string, address: string) {
    const host = hostname.replace(/^\[|\]$/g, '');
    const reason = describeAddress(address, classifyAddress(address));
    super(
      host === address
        ? reason
        : `${host} resolves to ${reason.replace(/^\S+ is /, `${address}, `)}`,
    );
    this.name = 'BlockedAddressError';
  }
}

/** The default resolver: every address the system resolver knows, in its order. */
export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/** Whether a connection from this host name to this address is allowed. */
export function isAddressAllowed(allow: AllowPrivate, hostname: string, address: string): boolean {
  if (classifyAddress(address) === 'public') return true;
  if (typeof allow === 'function') return allow(hostname.replace(/^\[|\]$/g, ''), address);
  return allow;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A net.connect `lookup` that resolves through `resolver` and refuses blocked addresses. */
function createSafeLookup(resolver: Resolver, allow: AllowPrivate) {
  return (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: LookupCallback,
  ) => {
    const family =
      options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    resolver(hostname).then(
      (found) => {
        const addresses = found.filter((a) => !family || a.family === family);
        // One blocked address refuses the host: a public name pointing inward is not a mistake.
        const blocked = addresses.find((a) => !isAddressAllowed(allow, hostname, a.address));
        if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), '');
        const first = addresses[0];
        if (!first) {
          const err: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          err.code = 'ENOTFOUND';
          return callback(err, '');
        }
        if (options.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** An undici Agent whose every connection passes the address check. */
export function createSafeAgent(opts: {
  resolver: Resolver;
  allowPrivate: AllowPrivate;
  timeoutMs: number;
}): Agent {
  const base = buildConnector({
    lookup: createSafeLookup(opts.resolver, opts.allowPrivate) as never,
    timeout: opts.timeoutMs,
  });
  const connect: buildConnector.connector = (options, callback) => {
    base(options, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      // IP-literal hosts never reach the lookup, so check the peer actually connected to.
      const peer = socket.remoteAddress;
      if (!peer || !isAddressAllowed(opts.allowPrivate, options.hostname, peer)) {
        socket.destroy();
        return callback(new BlockedAddressError(options.hostname, peer ?? 'unknown'), null);
      }
      callback(null, socket);
    });
  };
  return new Agent({
    connect,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    // A poller talks to many hosts once in a while; don't keep idle sockets around.
    keepAliveTimeout: 4_000,
  });
}
