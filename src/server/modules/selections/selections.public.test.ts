import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson } from '../../../../test/factories';
import { buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { createHousehold } from '../households/households.service';
import { call, countyTree, ok, voterTokens, votingEnd } from './selections.test-kit';

/** No public response carries a nominee's full name, phone, ID number or address. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
const secrets: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  tree = await countyTree(t, 'PUB');
});
afterAll(async () => t.close());

async function run(kind: string, nomineeType: string, ref: Record<string, string>, deeds: string) {
  const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, { name: `${kind}评选`, kind, nomineeType, year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 2 }], votingEndsAt: votingEnd(t) });
  // consent recorded without a display name: the public keeps the masked name
  const n = await ok<{ id: string; publicName: string }>(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, ...ref, deeds, consent: 'self' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'review' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations/${n.id}/review`, tree.organizer.headers, { decision: 'accept' });
  await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'voting' });
  return { id: c.id, publicName: n.publicName };
}

describe('public responses', () => {
  it('show coded ids and masked names only, in the campaign page and the vote answers', async () => {
    const idA = buildIdNumber({ gender: '女' });
    const person = await buildPerson(t.sys, { orgId: tree.townA.id, name: '李秀英', idNumber: idA, phone: '13912345678', address: '黑龙江省林甸县花园镇幸福村三组18号' });
    const head = await buildPerson(t.sys, { orgId: tree.townA.id, name: '赵建国', phone: '13812340000' });
    const wife = await buildPerson(t.sys, { orgId: tree.townA.id, name: '钱美兰' });
    const household = await createHousehold(t.sys, { name: '赵建国户', orgId: tree.townA.id, headPersonId: head.id, members: [{ personId: wife.id, relation: '配偶' }] });
    const borrower = await buildPerson(t.sys, { orgId: tree.townA.id, name: '孙桂芝' });
    const loan = await buildLoan(t.sys, { orgId: tree.townA.id, personId: borrower.id, venture: '肉牛养殖' });
    secrets.push('李秀英', '秀英', idA, '13912345678', '幸福村三组18号', '赵建国', '钱美兰', '孙桂芝', '13812340000');

    const runs = [
      await run('巾帼建功标兵', 'person', { personId: person.id }, `李秀英同志扎根基层二十年，联系电话13912345678，身份证${idA}。`),
      await run('最美家庭', 'household', { householdId: household.id }, '赵建国、钱美兰夫妇孝老爱亲，邻里和睦。'),
      await run('十佳妇女小贷项目', 'loan', { loanId: loan.id }, '孙桂芝用小额贷款发展肉牛养殖，带动5户增收。'),
    ];
    expect(runs.map((r) => r.publicName)).toEqual(['李**', '赵**家庭', '孙**（肉牛养殖）']);
    const tokens = await voterTokens(t.app, 3);
    const bodies: string[] = [];
    for (const [i, r] of runs.entries()) {
      const page = await call(t.app, 'GET', `/api/public/campaigns/${r.id}`, undefined);
      expect(page.status).toBe(200);
      bodies.push(JSON.stringify(page.body));
      const v = await call(t.app, 'POST', `/api/public/campaigns/${r.id}/votes`, undefined, { nomineeId: '001', token: tokens[i] }, `10.50.0.${i}`);
      expect(v.status).toBe(201);
      bodies.push(JSON.stringify(v.body));
      const dup = await call(t.app, 'POST', `/api/public/campaigns/${r.id}/votes`, undefined, { nomineeId: '001', token: tokens[i] }, `10.50.0.${i}`);
      bodies.push(JSON.stringify(dup.body));
    }
    const all = bodies.join('\n');
    for (const s of secrets) expect(all, s).not.toContain(s);
    expect(all).toContain('李**同志扎根基层二十年，联系电话139****5678');
    expect(all).toContain('赵**、钱**夫妇孝老爱亲');
    // the public page of a campaign still in nomination does not exist
    const draft = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, { name: '草稿', kind: '技术能手', nomineeType: 'person', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 1 }] });
    expect((await call(t.app, 'GET', `/api/public/campaigns/${draft.id}`, undefined)).status).toBe(404);
  });
});
