import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../src/domain/roles';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import type { Ctx } from '../src/server/context';
import { migrateToLatest, openDatabase, type Database } from '../src/server/db/database';
import type { App } from '../src/server/http/types';
import { createCrypto, type Crypto } from '../src/server/security/crypto';
import { systemCtx } from '../src/server/runtime';
import { freshDatabase } from './test-db';
import { createTestUser } from './factories';

/** A settable clock for tests: time moves only when the test moves it. */
export function testClock(start = '2026-06-15T02:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/**
 * A clock that runs with real time from the real now; `set` and `advance` move it like the test clock.
 * For a run of the journeys with no injected clock (`E2E_SERVER_CLOCK=real`).
 */
export function flowingClock(): ReturnType<typeof testClock> {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (iso: string) => {
      offset = new Date(iso).getTime() - Date.now();
    },
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

export interface TestApp {
  app: App;
  config: Config;
  database: Database;
  crypto: Crypto;
  clock: ReturnType<typeof testClock>;
  /** a system context on the same database (for factories) */
  sys: Ctx;
  /** creates a user with one grant and returns a Bearer header for it */
  userWith(role: Role, orgId: string | null, username?: string): Promise<{ id: string; username: string; password: string; headers: { authorization: string } }>;
  close(): Promise<void>;
}

export async function createTestApp(opts: { clock?: ReturnType<typeof testClock>; config?: Partial<Config> } = {}): Promise<TestApp> {
  const { target, dispose } = await freshDatabase();
  const base = loadConfig();
  const config: Config = {
    ...base,
    database: target,
    dataDir: mkdtempSync(join(tmpdir(), 'quntuan-data-')),
    logLevel: 'silent',
    secret: 'test-secret-test-secret-test-secret-0123456789',
    adminPassword: undefined,
    ...opts.config,
  };
  const database = openDatabase(target);
  await migrateToLatest(database.db);
  const crypto = createCrypto(config.secret as string);
  const clock = opts.clock ?? testClock();
  const app = await buildApp({ config, database, crypto, now: clock.now }, { logger: false });
  await app.ready();
  const sys = systemCtx({ database, crypto, now: clock.now }, 'test');
  let n = 0;
  return {
    app,
    config,
    database,
    crypto,
    clock,
    sys,
    async userWith(role, orgId, username) {
      const user = await createTestUser(sys, { role, orgId, username: username ?? `u${++n}_${role}` });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } });
      if (res.statusCode !== 200) throw new Error(`login failed for ${user.username}: ${res.body}`);
      return { ...user, headers: { authorization: `Bearer ${res.json().token as string}` } };
    },
    async close() {
      await app.close();
      await database.close();
      await dispose();
    },
  };
}
