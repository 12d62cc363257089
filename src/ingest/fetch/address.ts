// Which IP addresses sitrep may connect to. A fetcher that follows links from the open
// web must not be steerable into the host's own network (SSRF), so every address that is
// not globally routable is refused unless the operator allows private addresses.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export type AddressKind =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'invalid';

type Range = readonly [
  prefix: string,
  bits: number,
  kind: Exclude<AddressKind, 'public' | 'invalid'>,
];

const IPV4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

// Ranges that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are handled
// before these by classifying the embedded address.
const IPV6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['fc00::', 7, 'unique-local'],
  ['ff00::', 8, 'multicast'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
];

function buildLists(ranges: readonly Range[], type: 'ipv4' | 'ipv6'): Array<[BlockList, Range[2]]> {
  return ranges.map(([prefix, bits, kind]) => {
    const list = new BlockList();
    list.addSubnet(prefix, bits, type);
    return [list, kind];
  });
}

const IPV4_LISTS = buildLists(IPV4_RANGES, 'ipv4');
const IPV6_LISTS = buildLists(IPV6_RANGES, 'ipv6');

/** Expands an IPv6 literal into its eight 16-bit groups, or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  let tail: number[] = [];
  const dotted = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = dotted[2]!.split('.').map(Number);
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    text = `${dotted[1]}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  if (tail.length) groups.splice(6, 2, ...tail);
  return groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff) ? null : groups;
}

function v4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped) and the deprecated ::a.b.c.d (compatible; not :: or ::1).
  if (zeros(0, 5) && (g[5] === 0xffff || (g[5] === 0 && (g[6] !== 0 || g[7]! > 1)))) {
    return v4FromGroups(g[6]!, g[7]!);
  }
  // 64:ff9b::/96, the well-known NAT64 prefix.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4FromGroups(g[6]!, g[7]!);
  // 2002::/16, 6to4: the IPv4 address sits in the next 32 bits.
  if (g[0] === 0x2002) return v4FromGroups(g[1]!, g[2]!);
  return null;
}

/** What kind of address this is, deciding whether a connection to it is allowed. */
export function classifyAddress(raw: string): AddressKind {
  const address = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(address)) {
    for (const [list, kind] of IPV4_LISTS) if (list.check(address, 'ipv4')) return kind;
    return 'public';
  }
  if (!isIPv6(address)) return 'invalid';
  const v4 = embeddedIpv4(address);
  if (v4) return classifyAddress(v4);
  for (const [list, kind] of IPV6_LISTS) if (list.check(address, 'ipv6')) return kind;
  return 'public';
}

/** True when the address is globally routable and so safe to fetch from. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

/** A one-line reason why an address is refused, e.g. "127.0.0.1 is a loopback address". */
export function describeAddress(address: string, kind = classifyAddress(address)): string {
  const label: Record<AddressKind, string> = {
    public: 'a public address',
    private: 'a private address',
    loopback: 'a loopback address',
    'link-local': 'a link-local address',
    'unique-local': 'a unique-local address',
    cgnat: 'a carrier-grade NAT address',
    multicast: 'a multicast address',
    unspecified: 'an unspecified address',
    reserved: 'a reserved address',
    invalid: 'not an IP address',
  };
  return `${address} is ${label[kind]}`;
}
