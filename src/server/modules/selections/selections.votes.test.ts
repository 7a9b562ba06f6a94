import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { lastOtpCode } from '../otp/otp.routes';
import { call, countyTree, ok, refreshLogins, voters, voterTokens, votingCampaign } from './selections.test-kit';

/** Public voting: exact counts under concurrency, per-voter limits, per-address 429s, anomalies and voiding. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
const clock = testClock('2026-06-15T02:00:00.000Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  tree = await countyTree(t, 'VOT');
});
afterAll(async () => t.close());

const vote = (id: string, nomineeId: string, token: string, addr = '10.200.0.1') => call(t.app, 'POST', `/api/public/campaigns/${id}/votes`, undefined, { nomineeId, token }, addr);
const counts = async (id: string) =>
  (await ok<{ items: { code: string; votes: number }[] }>(t.app, 'GET', `/api/v1/campaigns/${id}/nominations`, tree.organizer.headers)).items.map((n) => [n.code, n.votes]);

describe('public voting', () => {
  let id: string;
  it('500 distinct voters voting at once are counted exactly 500', async () => {
    id = await votingCampaignFor();
    const tokens = await voterTokens(t.app, 500);
    const results = await Promise.all(tokens.map((token, i) => vote(id, '001', token, `10.100.${i >> 8}.${i & 255}`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(500);
    expect(await counts(id)).toEqual([['001', 500], ['002', 0]]);
    const rows = await t.database.db.selectFrom('campaign_votes').selectAll().where('campaign_id', '=', id).execute();
    expect(new Set(rows.map((r) => r.voter_hash)).size).toBe(500);
  }, 180_000);

  it('one voter sending the same vote 50 times at once is counted once', async () => {
    const [token] = await voterTokens(t.app, 1);
    const results = await Promise.all(Array.from({ length: 50 }, () => vote(id, '002', token, '10.201.0.1')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    expect(await counts(id)).toEqual([['001', 500], ['002', 1]]);
  });

  it('never stores the phone; a vote needs a valid token', async () => {
    const rows = JSON.stringify(await t.database.db.selectFrom('campaign_votes').selectAll().execute());
    expect(rows).not.toMatch(/137\d{8}/);
    expect((await vote(id, '001', 'not-a-token')).status).toBe(401);
  });
  async function votingCampaignFor(rules: Record<string, unknown> = {}, n = 2) {
    return votingCampaign(t, tree, { votesPerAddressHour: 100000, ...rules }, n);
  }

  it('holds the per-day and per-campaign limits per voter, exactly, even when sent at once', async () => {
    const c = await votingCampaignFor({ votesPerDay: 2, votesPerCampaign: 3 }, 4);
    const [{ phone, token }] = await voters(t.app, 1);
    const day1 = await Promise.all(['001', '002', '003', '004'].map((n) => vote(c, n, token, '10.202.0.1')));
    expect(day1.map((r) => r.status).sort()).toEqual([201, 201, 422, 422]);
    const refused = day1.find((r) => r.status === 422);
    expect(refused?.body.error?.message).toBe('每个手机号每天最多投 2 票，今天的票数已用完');
    clock.advance(24 * 3600_000);
    await refreshLogins(t, tree);
    // the token lasts 2 hours: verify the same phone again the next day
    const again = await call(t.app, 'POST', '/api/public/otp/send', undefined, { phone: phone, purpose: 'vote' }, '10.203.0.1');
    expect(again.status).toBe(200);
    const v = await call(t.app, 'POST', '/api/public/otp/verify', undefined, { phone: phone, purpose: 'vote', code: lastOtpCode(t.app, phone) }, '10.203.0.1');
    const day2 = [];
    for (const n of ['003', '004']) day2.push(await vote(c, n, v.body.token as string, '10.203.0.2'));
    expect(day2.map((r) => r.status)).toEqual([201, 422]);
    expect(day2[1].body.error?.message).toBe('每个手机号在本次评选中最多投 3 票，您的票数已用完');
    expect((day2[0].body as { remainingInCampaign: number }).remainingInCampaign).toBe(0);
  });

  it('limits votes per address and hour with 429 and Retry-After', async () => {
    const c = await votingCampaignFor({ votesPerAddressHour: 3 });
    const tokens = await voterTokens(t.app, 5);
    const codes = [];
    for (const token of tokens) codes.push(await vote(c, '001', token, '10.204.0.1'));
    expect(codes.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    expect(Number(codes[3].headers['retry-after'])).toBeGreaterThan(0);
    expect((await vote(c, '001', tokens[4], '10.204.0.2')).status).toBe(201);
  });

  it('hides the counts from the public until the vote closes when the organizer chooses', async () => {
    const c = await votingCampaignFor({ hideResults: true });
    const [token] = await voterTokens(t.app, 1);
    await vote(c, '002', token);
    const during = await ok<{ resultsVisible: boolean; nominees: { votes: number | null }[] }>(t.app, 'GET', `/api/public/campaigns/${c}`, undefined);
    expect(during.resultsVisible).toBe(false);
    expect(during.nominees.map((n) => n.votes)).toEqual([null, null]);
    await ok(t.app, 'POST', `/api/v1/campaigns/${c}/advance`, tree.organizer.headers, { to: 'jury' });
    const after = await ok<{ nominees: { votes: number | null }[] }>(t.app, 'GET', `/api/public/campaigns/${c}`, undefined);
    expect(after.nominees.map((n) => n.votes)).toEqual([0, 1]);
  });

  it('flags night votes and many voters behind one address; voiding excludes them, with a reason, audited', async () => {
    const c = await votingCampaignFor();
    clock.set('2026-06-20T03:00:00.000Z'); // 11:00 in Shanghai
    await refreshLogins(t, tree);
    const day = await voterTokens(t.app, 4);
    for (const [i, token] of day.entries()) await vote(c, '001', token, `10.205.1.${i}`);
    clock.set('2026-06-20T18:30:00.000Z'); // 02:30 in Shanghai
    await refreshLogins(t, tree);
    const night = await voterTokens(t.app, 12);
    for (const token of night) await vote(c, '002', token, '10.205.9.9');
    const a = await ok<{ totalVotes: number; nightVotes: number; addresses: { addressHash: string; voters: number }[] }>(t.app, 'GET', `/api/v1/campaigns/${c}/anomalies`, tree.organizer.headers);
    expect(a.totalVotes).toBe(16);
    expect(a.nightVotes).toBe(12);
    expect(a.addresses).toHaveLength(1);
    expect(a.addresses[0].voters).toBe(12);
    expect(JSON.stringify(a)).not.toContain('10.205');
    const noReason = await call(t.app, 'POST', `/api/v1/campaigns/${c}/votes/void`, tree.organizer.headers, { group: 'address', key: a.addresses[0].addressHash });
    expect(noReason.status).toBe(400);
    expect((await call(t.app, 'POST', `/api/v1/campaigns/${c}/votes/void`, tree.staffA.headers, { group: 'night', reason: '试图作废' })).status).toBe(403);
    const v = await ok<{ voided: number }>(t.app, 'POST', `/api/v1/campaigns/${c}/votes/void`, tree.organizer.headers, { group: 'address', key: a.addresses[0].addressHash, reason: '同一地址凌晨集中投票，疑似刷票' });
    expect(v.voided).toBe(12);
    expect(await counts(c)).toEqual([['001', 4], ['002', 0]]);
    const after = await ok<{ voidedVotes: number; addresses: unknown[] }>(t.app, 'GET', `/api/v1/campaigns/${c}/anomalies`, tree.organizer.headers);
    expect(after).toMatchObject({ voidedVotes: 12, addresses: [] });
    const audit = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'void_votes').execute();
    expect(JSON.parse(audit[0].detail)).toMatchObject({ group: 'address', reason: '同一地址凌晨集中投票，疑似刷票', votes: 12 });
  });

  it('flags a burst against the whole voting window, even when no other minute had a vote', async () => {
    const c = await votingCampaignFor();
    const opened = await t.database.db.selectFrom('campaigns').select(['voting_opened_at', 'voting_closed_at']).where('id', '=', c).executeTakeFirstOrThrow();
    expect(opened).toEqual({ voting_opened_at: clock.now().toISOString(), voting_closed_at: null });
    const tokens = await voterTokens(t.app, 25);
    const votedAt = clock.now().toISOString();
    for (const [i, token] of tokens.entries()) expect((await vote(c, '001', token, `10.206.0.${i}`)).status).toBe(201);
    const anomalies = async () => (await ok<{ bursts: { minute: string; votes: number }[] }>(t.app, 'GET', `/api/v1/campaigns/${c}/anomalies`, tree.organizer.headers)).bursts;
    // right away the window is that one minute: nothing stands out
    expect(await anomalies()).toEqual([]);
    // three hours later, with no other vote, the 25 votes of that minute are a burst
    clock.advance(3 * 3600_000);
    await refreshLogins(t, tree);
    expect(await anomalies()).toEqual([{ minute: votedAt.slice(0, 16), votes: 25 }]);
  });
});
