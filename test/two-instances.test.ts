import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { openDatabase, type Database } from '../src/server/db/database';
import type { App } from '../src/server/http/types';
import { verifyAudit } from '../src/server/modules/audit/audit.service';
import { buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Two server instances on one database (its own connection pool each) must agree: sessions,
 * rate-limit counters and the audit chain live in the database, not in a process.
 */
let t: TestApp;
let second: App;
let secondDb: Database;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { apiRatePerMinute: 20 } });
  secondDb = openDatabase(t.config.database);
  second = await buildApp({ config: t.config, database: secondDb, crypto: t.crypto, now: t.clock.now }, { logger: false });
  await second.ready();
  unitId = (await buildUnit(t.sys, { code: 'TWO', kind: 'other' })).id;
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
  await t.close();
});

describe('two instances on one database', () => {
  it('share sessions: a token from one works on the other, and a logout on one ends it on both', async () => {
    const u = await t.userWith('org_admin', unitId, 'two-a');
    expect((await second.inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode).toBe(200);
    expect((await second.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: u.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode).toBe(401);
  });

  it('share the per-user request budget', async () => {
    const u = await t.userWith('viewer', unitId, 'two-b');
    const apps = [t.app, second];
    const codes = [];
    for (let i = 0; i < 22; i++) codes.push((await apps[i % 2].inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(20);
    expect(codes.slice(20)).toEqual([429, 429]);
  });

  it('keep one unbroken audit chain under concurrent writes from both', async () => {
    t.clock.advance(120_000);
    const u = await t.userWith('org_admin', unitId, 'two-c');
    const writes = Array.from({ length: 16 }, (_, i) =>
      (i % 2 ? second : t.app).inject({ method: 'POST', url: '/api/v1/orgs', headers: u.headers, payload: { code: `TWO-${i}`, name: `并发${i}`, kind: 'other', parentId: unitId } }),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r.statusCode)).toEqual(Array(16).fill(201));
    expect(await verifyAudit(t.database.db, t.crypto)).toMatchObject({ ok: true });
  });
});
