// The SSRF corpus: every way we know to point the fetcher at the machine it runs on or at
// its network, tried against the real fetcher with a real server listening on the
// loopback addresses. Each case must be refused, and the server must see no request for
// what the attacker wanted (/secret), on any hop.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from './fetcher.js';
import type { Fetcher, FetcherOptions, Resolver } from './types.js';

let server: Server;
let port = 0;
let secrets = 0;
let connections = 0;

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/secret') secrets++;
  // The allowed origin's open redirect: /go?to=URL, or /hop?to=URL for one more hop first.
  const to = url.searchParams.get('to');
  if (url.pathname === '/go' && to) return void res.writeHead(302, { location: to }).end();
  if (url.pathname === '/hop' && to)
    return void res.writeHead(301, { location: `/go?to=${encodeURIComponent(to)}` }).end();
  res.writeHead(200, { 'content-type': 'text/plain' }).end('secret');
}

beforeAll(async () => {
  server = createServer(handle);
  server.on('connection', () => connections++);
  // '::' takes IPv6 and, dual-stack, IPv4: every loopback form reaches this server.
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The defaults a deployment has: private addresses refused, the system resolver. */
function fetcher(opts: FetcherOptions = {}): Fetcher {
  return createFetcher({ respectRobots: false, perHostDelayMs: 0, timeoutMs: 2000, ...opts });
}

const P = () => port;

/** URLs that name a refused address directly, in every notation URL parsers accept. */
const LITERALS: Array<[string, () => string]> = [
  ['IPv4 loopback', () => `http://127.0.0.1:${P()}/secret`],
  ['another loopback', () => `http://127.0.0.2:${P()}/secret`],
  ['short form', () => `http://127.1:${P()}/secret`],
  ['decimal', () => `http://2130706433:${P()}/secret`],
  ['hexadecimal', () => `http://0x7f000001:${P()}/secret`],
  ['octal', () => `http://0177.0.0.1:${P()}/secret`],
  ['dotted hexadecimal', () => `http://0x7f.0x0.0x0.0x1:${P()}/secret`],
  ['zero-padded', () => `http://127.000.000.001:${P()}/secret`],
  ['zero', () => `http://0:${P()}/secret`],
  ['unspecified', () => `http://0.0.0.0:${P()}/secret`],
  ['localhost', () => `http://localhost:${P()}/secret`],
  ['LOCALHOST', () => `http://LOCALHOST:${P()}/secret`],
  ['IPv6 loopback', () => `http://[::1]:${P()}/secret`],
  ['IPv6 loopback written out', () => `http://[0:0:0:0:0:0:0:1]:${P()}/secret`],
  ['IPv6 unspecified', () => `http://[::]:${P()}/secret`],
  ['IPv4-mapped', () => `http://[::ffff:127.0.0.1]:${P()}/secret`],
  ['IPv4-mapped in hex', () => `http://[::ffff:7f00:1]:${P()}/secret`],
  ['IPv4-mapped written out', () => `http://[0:0:0:0:0:ffff:127.0.0.1]:${P()}/secret`],
  ['IPv4-compatible', () => `http://[::127.0.0.1]:${P()}/secret`],
  ['NAT64', () => `http://[64:ff9b::127.0.0.1]:${P()}/secret`],
  ['6to4', () => `http://[2002:7f00:1::1]:${P()}/secret`],
  ['credentials before the host', () => `http://user:pass@127.0.0.1:${P()}/secret`],
  ['a public name as credentials', () => `http://example.com@127.0.0.1:${P()}/secret`],
  ['backslashes', () => `http:\\\\127.0.0.1:${P()}\\secret`],
  ['IPv6 zone', () => `http://[fe80::1%25lo]:${P()}/secret`],
  ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
  ['cloud metadata over IPv6', () => 'http://[fd00:ec2::254]/latest/meta-data/'],
  ['carrier-grade NAT metadata', () => 'http://100.100.100.200/latest/meta-data/'],
  ['private 10/8', () => 'http://10.0.0.1/secret'],
  ['private 172.16/12', () => 'http://172.16.0.1/secret'],
  ['private 192.168/16', () => 'http://192.168.0.1/secret'],
  ['link-local IPv6', () => 'http://[fe80::1]/secret'],
  ['multicast', () => 'http://224.0.0.1/secret'],
  ['broadcast', () => 'http://255.255.255.255/secret'],
];

/** URLs whose scheme the fetcher must never speak. */
const SCHEMES = [
  'file:///etc/passwd',
  'file://localhost/etc/passwd',
  'ftp://127.0.0.1/secret',
  'gopher://127.0.0.1:70/_GET%20/secret',
  'dict://127.0.0.1:11211/stat',
  'ldap://127.0.0.1/secret',
  'ws://127.0.0.1/secret',
  'wss://127.0.0.1/secret',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'blob:http://127.0.0.1/secret',
  'view-source:http://127.0.0.1/secret',
  'jar:http://127.0.0.1/secret.jar!/',
  '//127.0.0.1/secret',
  'about:blank',
];

/** Answers a resolver gives for a name: each contains an address that must be refused. */
const ANSWERS: Array<[string, Array<{ address: string; family: 4 | 6 }>]> = [
  ['loopback', [{ address: '127.0.0.1', family: 4 }]],
  ['private', [{ address: '10.0.0.5', family: 4 }]],
  ['cloud metadata', [{ address: '169.254.169.254', family: 4 }]],
  ['IPv6 loopback', [{ address: '::1', family: 6 }]],
  ['IPv4-mapped private', [{ address: '::ffff:192.168.1.1', family: 6 }]],
  ['unique-local', [{ address: 'fd00::1', family: 6 }]],
  ['unspecified', [{ address: '0.0.0.0', family: 4 }]],
  [
    'a public address, then a private one',
    [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
  ],
];

describe('SSRF corpus', () => {
  const refused = ['blocked-address', 'bad-url'];

  it.each(LITERALS)('refuses %s without connecting', async (_, url) => {
    const f = fetcher();
    const before = connections;
    const got = await f.fetch(url());
    await f.close();
    expect(got.ok).toBe(false);
    expect(!got.ok && refused).toContain(!got.ok && got.reason);
    expect(connections).toBe(before);
  });

  it.each(SCHEMES)('refuses the scheme of %s', async (url) => {
    const f = fetcher();
    const got = await f.fetch(url);
    await f.close();
    expect(got).toMatchObject({ ok: false, reason: 'bad-url' });
  });

  it.each(ANSWERS)('refuses a name that resolves to %s', async (_, answer) => {
    const f = fetcher({ lookup: async () => answer });
    const before = connections;
    const got = await f.fetch(`http://innocent.example:${P()}/secret`);
    await f.close();
    expect(got).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(connections).toBe(before);
  });

  // An allowed origin (a name on 127.0.0.2, allowed for the test as a public site would
  // be) whose open redirect points inward: every hop is checked.
  const allowed = (_host: string, address: string) => address === '127.0.0.2';
  const resolveNames: Resolver = async (host) => [
    { address: host === 'public.example' ? '127.0.0.2' : '127.0.0.1', family: 4 },
  ];
  const targets = () => [
    `http://127.0.0.1:${P()}/secret`,
    `http://2130706433:${P()}/secret`,
    `http://0x7f.1:${P()}/secret`,
    `http://[::1]:${P()}/secret`,
    `http://[::ffff:127.0.0.1]:${P()}/secret`,
    `http://localhost:${P()}/secret`,
    `http://internal.example:${P()}/secret`,
    'http://169.254.169.254/latest/meta-data/',
    'file:///etc/passwd',
    `gopher://127.0.0.1:${P()}/_secret`,
  ];

  it('refuses every redirect inward, on the first hop or a later one', async () => {
    const f = fetcher({ allowPrivate: allowed, lookup: resolveNames });
    for (const target of targets()) {
      for (const start of ['go', 'hop']) {
        const got = await f.fetch(
          `http://public.example:${P()}/${start}?to=${encodeURIComponent(target)}`,
        );
        expect(got.ok, `${start} → ${target}`).toBe(false);
        expect(!got.ok && refused, `${start} → ${target}`).toContain(!got.ok && got.reason);
      }
    }
    await f.close();
    expect(secrets).toBe(0);
  });

  it('connects to the address it checked: one lookup per connection, so no rebinding', async () => {
    // A rebinding name: allowed the first time it is resolved, loopback ever after.
    let lookups = 0;
    const rebinding: Resolver = async () => [
      { address: lookups++ === 0 ? '127.0.0.2' : '127.0.0.1', family: 4 },
    ];
    const f = fetcher({ allowPrivate: allowed, lookup: rebinding });
    const got = await f.fetch(`http://rebind.example:${P()}/page`);
    await f.close();
    expect(got.ok).toBe(true);
    expect(lookups).toBe(1);
  });

  it('still reaches the same server when it is allowed, so the refusals above are real', async () => {
    const f = fetcher({ allowPrivate: true });
    const got = await f.fetch(`http://127.0.0.1:${P()}/secret`);
    await f.close();
    expect(got.ok).toBe(true);
    secrets = 0;
  });
});
