import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { addDays } from '../../../domain/cases/deadlines';
import { shanghaiDate } from '../../../domain/dates';
import { openDatabase, type Database } from '../../db/database';
import type { SmsSender } from '../otp/sms';
import { type DigestDeps, runDigestIfDue } from './digest';

/**
 * The daily digest with two server instances on one database (each its own connection pool) and an
 * injected clock: sent once per user and day from the configured hour, whichever instance ticks.
 */
let t: TestApp;
let secondDb: Database;
const sent: { phone: string; text: string }[] = [];
const logged: string[] = [];
const sms: SmsSender = { send: async (phone, text) => void sent.push({ phone, text }) };
const log = { info: (o: unknown) => void logged.push(JSON.stringify(o)), warn() {}, error() {}, debug() {} };
let staff: { id: string; username: string; password: string; headers: { authorization: string } };
let optedOut: { id: string; headers: { authorization: string } };

function deps(db: Database, instance: string, withProvider = true): DigestDeps {
  return {
    db: db.db, dialect: db.dialect, crypto: t.crypto, now: t.clock.now, log, sms, instance,
    config: { digest: { enabled: true, hour: 8 }, sms: withProvider ? { url: 'http://sms.invalid/send', token: undefined, sign: '群团工作平台' } : null },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  secondDb = openDatabase(t.config.database);
  const unit = await buildUnit(t.sys, { code: 'DG-1', name: '某镇妇联', kind: 'womens_federation' });
  staff = await t.userWith('staff', unit.id, 'dg-staff');
  optedOut = await t.userWith('staff', unit.id, 'dg-quiet');
  await t.userWith('staff', unit.id, 'dg-nophone');
  const person = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: staff.headers, payload: { name: '赵桂芝', idNumber: buildIdNumber({ gender: '女' }), orgId: unit.id } });
  const d = shanghaiDate(t.clock.now());
  const loan = await t.app.inject({ method: 'POST', url: '/api/v1/loans', headers: staff.headers, payload: { personId: person.json().id, principalWan: 2, disbursedOn: addDays(d, -200), dueOn: addDays(d, 5), orgId: unit.id } });
  expect(loan.statusCode).toBe(201);
  for (const [u, body] of [[staff, { digestEnabled: true, phone: '13904591234' }], [optedOut, { digestEnabled: false, phone: '13904595678' }]] as const) {
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/me/reminders', headers: u.headers, payload: body })).statusCode).toBe(200);
  }
});
afterAll(async () => {
  await secondDb.close();
  await t.close();
});

describe('daily digest', () => {
  it('is sent once per day with two instances, from the configured hour, never to a user who opted out', async () => {
    t.clock.set('2026-06-20T23:30:00.000Z'); // 07:30 in Shanghai: not yet
    expect(await Promise.all([runDigestIfDue(deps(t.database, 'a')), runDigestIfDue(deps(secondDb, 'b'))])).toEqual([null, null]);
    expect(sent).toEqual([]);
    t.clock.set('2026-06-21T00:00:30.000Z'); // 08:00:30 on 6月21日
    const runs = await Promise.all([runDigestIfDue(deps(t.database, 'a')), runDigestIfDue(deps(secondDb, 'b'))]);
    expect(runs.filter(Boolean)).toEqual([{ day: '2026-06-21', sent: 1, noPhone: 1, failed: 0 }]);
    expect(sent).toEqual([{ phone: '13904591234', text: '【待办提醒】dg-staff，您有 1 项待办：贷款到期 1 项。请登录群团工作平台处理。' }]);
    // later ticks the same day, on either instance: nothing more
    t.clock.advance(3_600_000);
    expect(await Promise.all([runDigestIfDue(deps(secondDb, 'b')), runDigestIfDue(deps(t.database, 'a'))])).toEqual([null, null]);
    expect(sent).toHaveLength(1);
    const rows = await t.database.db.selectFrom('digest_deliveries').selectAll().execute();
    expect(rows.map((r) => [r.user_id, r.day, r.channel])).toEqual([[staff.id, '2026-06-21', 'sms']]);
    expect(rows.some((r) => r.user_id === optedOut.id)).toBe(false);
    // 首页 shows the day's digest as sent
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: staff.username, password: staff.password } });
    const headers = { authorization: `Bearer ${login.json().token as string}` };
    expect((await t.app.inject({ url: '/api/v1/todo', headers })).json().digest).toMatchObject({ sentAt: '2026-06-21T00:00:30.000Z', channel: 'sms' });
    // the next day: one more, again whichever instance is first
    t.clock.set('2026-06-22T01:00:00.000Z');
    const next = await Promise.all([runDigestIfDue(deps(secondDb, 'b')), runDigestIfDue(deps(t.database, 'a'))]);
    expect(next.filter(Boolean)).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it('takes over a day whose run stopped unfinished, without sending a user twice; without a provider the digest is logged', async () => {
    t.clock.set('2026-06-23T00:10:00.000Z');
    // an instance took the lease and sent to dg-staff, then stopped
    await t.database.db.insertInto('digest_runs').values({ day: '2026-06-23', instance: 'gone', started_at: t.clock.now().toISOString(), lease_until: '2026-06-23T00:25:00.000Z', finished_at: null, sent: 0 }).execute();
    await t.database.db.insertInto('digest_deliveries').values({ user_id: staff.id, day: '2026-06-23', at: t.clock.now().toISOString(), channel: 'sms', items: 1, text: '（已发）' }).execute();
    expect(await runDigestIfDue(deps(secondDb, 'b', false))).toBeNull(); // the lease still runs
    t.clock.set('2026-06-23T00:30:00.000Z');
    const before = sent.length;
    const run = await runDigestIfDue(deps(secondDb, 'b', false));
    expect(run).toMatchObject({ day: '2026-06-23', sent: 1 }); // dg-nophone, logged
    expect(sent).toHaveLength(before + 0); // dg-staff not again (its row was there); no provider: no SMS for the phone-less user
    expect(logged.some((l) => l.includes('dg-nophone') && l.includes('贷款到期 1 项'))).toBe(true);
  });
});
