// `sitrep token create` and `sitrep audit` as a process, on a store whose writes came
// through the real API: the log shows who wrote, refused attempts included.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { openStore } from '../../store/index.js';
import { runCliProcess } from '../../test-support/cli.js';
import { tempDir } from '../../test-support/index.js';

describe('sitrep audit', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const env = { SITREP_DATABASE: join(dir, 'audit.db') };
  const cli = (...args: string[]) => runCliProcess(args, env);

  it('lists attempted writes newest first, and only the refused ones with --refused', {
    timeout: 60_000,
  }, async () => {
    const made = await cli('token', 'create', '--name', 'desk', '--scope', 'write', '--json');
    expect(made.code, made.stderr).toBe(0);
    const { token, scope } = JSON.parse(made.stdout);
    expect(scope).toBe('write');

    const store = await openStore(env.SITREP_DATABASE);
    try {
      const app = createApp({ store });
      const watch = (headers: Record<string, string>) =>
        app.request('/api/watches', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ name: 'floods', words: 'floods' }),
        });
      expect((await watch({})).status).toBe(401);
      expect((await watch({ authorization: `Bearer ${token}` })).status).toBe(201);
      expect((await app.request('/api/watches')).status).toBe(200); // a read: not logged
    } finally {
      await store.close();
    }

    const all = await cli('audit', '--json');
    expect(all.code, all.stderr).toBe(0);
    const events = JSON.parse(all.stdout);
    expect(
      events.map((e: { actor: string | null; status: number }) => [e.actor, e.status]),
    ).toEqual([
      ['desk', 201],
      [null, 401],
    ]);
    expect(events[0]).toMatchObject({ method: 'POST', path: '/api/watches' });

    const refused = await cli('audit', '--refused');
    expect(refused.code).toBe(0);
    expect(refused.stdout).toMatch(/\(no token\).*POST \/api\/watches\s+401/);
    expect(refused.stdout).not.toMatch(/desk/);
  });
});
