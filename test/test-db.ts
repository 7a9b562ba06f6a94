import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../src/server/config';

/**
 * A fresh database per test file: a temp SQLite file, or (in the PostgreSQL run, when
 * TEST_DATABASE_URL is set) a new database on the throwaway cluster the test script started.
 */
export async function freshDatabase(): Promise<{ target: Config['database']; dispose: () => Promise<void> }> {
  const env = loadConfig();
  if (env.testDatabaseUrl) {
    const name = `qt_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: env.testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(env.testDatabaseUrl);
    url.pathname = `/${name}`;
    return {
      target: { kind: 'postgres', url: url.toString() },
      dispose: async () => {
        const c = new pg.Client({ connectionString: env.testDatabaseUrl });
        await c.connect();
        // let the closed pools' connections finish leaving before the drop, so no backend is killed
        // under a client that is still closing (its error would surface as an unhandled one)
        for (let i = 0; i < 50; i++) {
          const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (r.rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'quntuan-test-'));
  return {
    target: { kind: 'sqlite', file: join(dir, 'test.db') },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
