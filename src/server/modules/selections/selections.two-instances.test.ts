import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/database';
import type { App } from '../../http/types';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { lastOtpCode } from '../otp/otp.routes';
import { call, countyTree, ok, votingCampaign } from './selections.test-kit';

/**
 * Two server instances on one database (each its own pool): a code sent by one verifies on the other,
 * and votes spread over both, sent at once, are counted exactly and identically by both.
 */
let t: TestApp;
let second: App;
let secondDb: Database;
let tree: Awaited<ReturnType<typeof countyTree>>;
beforeAll(async () => {
  t = await createTestApp();
  secondDb = openDatabase(t.config.database);
  second = await buildApp({ config: t.config, database: secondDb, crypto: t.crypto, now: t.clock.now }, { logger: false });
  await second.ready();
  tree = await countyTree(t, 'TWO');
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
  await t.close();
});

describe('selections on two instances', () => {
  it('agree on every count', async () => {
    const id = await votingCampaign(t, tree, { votesPerAddressHour: 100000, votesPerDay: 2 }, 3);
    const apps = [t.app, second];
    const tokens: string[] = [];
    for (let i = 0; i < 60; i++) {
      const phone = `135${String(i).padStart(8, '0')}`;
      // sent through one instance, verified through the other: the code is a database row
      expect((await call(apps[i % 2], 'POST', '/api/public/otp/send', undefined, { phone, purpose: 'vote' }, `10.7.0.${i}`)).status).toBe(200);
      const code = lastOtpCode(apps[i % 2], phone);
      const v = await call(apps[(i + 1) % 2], 'POST', '/api/public/otp/verify', undefined, { phone, purpose: 'vote', code }, `10.7.0.${i}`);
      expect(v.status).toBe(200);
      tokens.push(v.body.token as string);
    }
    // every voter votes for 001 and 002 (allowed), and 003 (over the daily limit of 2), each vote sent twice, all at once over both instances
    const sends = tokens.flatMap((token, i) => ['001', '002', '003', '001', '002', '003'].map((n, k) => call(apps[(i + k) % 2], 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId: n, token }, `10.7.1.${i}`)));
    const results = await Promise.all(sends);
    expect(results.filter((r) => r.status === 201)).toHaveLength(120);
    expect(results.filter((r) => r.status >= 500)).toHaveLength(0);
    const views = await Promise.all(apps.map((a) => ok<{ items: { votes: number }[] }>(a, 'GET', `/api/v1/campaigns/${id}/nominations`, tree.organizer.headers)));
    const publicViews = await Promise.all(apps.map((a) => ok<{ nominees: { votes: number }[] }>(a, 'GET', `/api/public/campaigns/${id}`, undefined)));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(views[0].items.map((n) => n.votes))).toBe(120);
    expect(views[1].items.map((n) => n.votes)).toEqual(views[0].items.map((n) => n.votes));
    expect(publicViews[0].nominees.map((n) => n.votes)).toEqual(views[0].items.map((n) => n.votes));
    expect(publicViews[1].nominees.map((n) => n.votes)).toEqual(views[0].items.map((n) => n.votes));
    const tallies = await t.database.db.selectFrom('campaign_voter_tallies').select(['period', 'count']).where('campaign_id', '=', id).execute();
    // one campaign counter per voter, each at the 2 votes it let through
    expect(tallies.filter((x) => x.period === 'all').map((x) => Number(x.count))).toEqual(Array(60).fill(2));
  }, 120_000);
});
