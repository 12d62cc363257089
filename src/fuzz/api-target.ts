// The API as a fuzz target: every documented route, called with random path values,
// query strings, bodies and tokens, on a real store holding analysed articles. Whatever
// arrives, the answer is a deliberate one: never a 500, and every refusal is the JSON
// error shape clients read.
import fc from 'fast-check';
import { createApp } from '../api/app.js';
import { processPending } from '../pipeline/process.js';
import { seededStore } from '../test-support/store.js';

interface ApiCall {
  route: number;
  values: string[];
  query: [string, string][];
  body: string | null;
  contentType: string;
  token: 'admin' | 'read' | 'bogus' | 'none';
}

interface Route {
  method: string;
  path: string;
}

/** Names the routes take, and a few they do not. */
const PARAM_NAMES = [
  'limit',
  'before',
  'source',
  'since',
  'until',
  'type',
  'q',
  'entity',
  'outlets',
  'format',
  'story',
  'offset',
  'facets',
  'unread',
  'watch',
  'what',
  'id',
  'x',
  '__proto__',
  'constructor',
];

const value = fc.oneof(
  fc.constantFrom('1', '2', '3', '0', '-1', '1e308', 'NaN', '9007199254740993', 'true', ''),
  fc.constantFrom(
    '2024-11-02',
    'yesterday',
    '2024-13-45T99:99',
    'articles',
    'stories',
    'csv',
    'json',
    'html',
  ),
  fc.integer().map(String),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '../../etc/passwd',
    '%00',
    "' OR 1=1 --",
    '"harbour"*',
    '<script>alert(1)</script>',
  ),
);

const bodyObject = fc.dictionary(
  fc.constantFrom(
    'name',
    'words',
    'url',
    'alias',
    'into',
    'urls',
    'entityId',
    'storyId',
    'webhook',
    'text',
    'html',
    'opml',
    'ids',
    'all',
    'x',
  ),
  fc.oneof(value, fc.jsonValue({ maxDepth: 3 }), fc.array(value, { maxLength: 3 })),
  { maxKeys: 5 },
);

/** Bodies close to what the routes accept, so the fuzzer gets past validation. */
const nearlyValid = fc.record(
  {
    name: value,
    words: value,
    alias: value,
    into: fc.integer({ min: -1, max: 6 }),
    url: fc.oneof(fc.webUrl(), value),
    urls: fc.array(value, { maxLength: 3 }),
    articles: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 3 }),
    entityId: fc.integer({ min: 0, max: 6 }),
    storyId: fc.integer({ min: 0, max: 6 }),
    sourceKey: value,
    webhookUrl: fc.oneof(fc.webUrl(), value),
  },
  { requiredKeys: [] },
);

const call: fc.Arbitrary<ApiCall> = fc.record({
  route: fc.nat(),
  values: fc.array(value, { minLength: 2, maxLength: 2 }),
  query: fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 8 })), value),
    {
      maxLength: 4,
    },
  ),
  body: fc.option(
    fc.oneof(
      bodyObject.map((o) => JSON.stringify(o)),
      nearlyValid.map((o) => JSON.stringify(o)),
      nearlyValid.map((o) => JSON.stringify(o)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      bodyObject.map((o) => JSON.stringify(o).slice(0, -1)),
      fc.constantFrom(
        '<?xml version="1.0"?><opml><body><outline xmlUrl="http://127.0.0.1/"/></body></opml>',
      ),
    ),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'text/x-opml',
  ),
  token: fc.constantFrom('admin', 'admin', 'read', 'bogus', 'none'),
});

const ADMIN = 'a-fuzzing-admin-token-of-some-length';

/** The app, its routes and a read token, made once: the store grows as writes land. */
let fixture: Promise<{ app: ReturnType<typeof createApp>; routes: Route[]; read: string }> | null =
  null;

function setUp() {
  fixture ??= (async () => {
    const { store } = await seededStore();
    await processPending({ store });
    const read = (await store.tokens.create({ name: 'fuzz reader', scope: 'read' })).token;
    const app = createApp({ store, token: ADMIN, options: { rateLimitPerMinute: 1e9 } });
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
    return { app, routes, read };
  })();
  return fixture;
}

/** How often each status came back: a fuzzer that only ever meets refusals tests little. */
const statuses = new Map<number, number>();

async function checkCall(input: ApiCall): Promise<void> {
  const { app, routes, read } = await setUp();
  const route = routes[input.route % routes.length]!;
  let n = 0;
  const path = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(input.values[n++] ?? ''));
  const query = new URLSearchParams(input.query).toString();
  const token = { admin: ADMIN, read, bogus: 'not-a-token', none: null }[input.token];
  const headers: Record<string, string> = { 'content-type': input.contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await app.request(`${path}${query ? `?${query}` : ''}`, {
    method: route.method,
    headers,
    body: route.method === 'GET' ? null : input.body,
  });
  const what = `${route.method} ${path}?${query} → ${response.status}`;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  if (response.status >= 500 && response.status !== 503) throw new Error(what);
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 400 && type.includes('json')) {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code !== 'string') throw new Error(`${what} without an error code`);
  } else {
    await response.arrayBuffer();
  }
}

export const apiTarget = {
  name: 'api',
  input: call,
  budgetMs: 2000,
  check: checkCall,
  show: (input: ApiCall) => JSON.stringify(input).slice(0, 400),
  summary: () =>
    [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', '),
};
