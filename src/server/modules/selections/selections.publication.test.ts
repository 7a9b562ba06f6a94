import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { createHousehold } from '../households/households.service';
import { call, countyTree, ok, refreshLogins, voterTokens } from './selections.test-kit';

/**
 * Issue 12 items 8, 10, 11 on a county made from scratch: nominations come from the nominating unit's
 * own subtree; nominees are published by a display name, photo and 事迹 only with a recorded consent
 * (children stay masked); the public vote opens and closes by itself at 投票开始/截止 (injected clock).
 */
let t: TestApp;
let tree: Awaited<ReturnType<typeof countyTree>>;
const clock = testClock('2026-06-15T02:00:00.000Z');
const day = 86_400_000;
beforeAll(async () => {
  t = await createTestApp({ clock });
  tree = await countyTree(t, 'PBL');
});
afterAll(async () => t.close());

const iso = (msFromNow: number) => new Date(clock.now().getTime() + msFromNow).toISOString();
const boundary = 'pbl-boundary';
const upload = (nominationId: string, headers: object, bytes: Buffer, name = 'photo.jpg') =>
  t.app.inject({
    method: 'POST', url: `/api/v1/attachments?entity=nominations&entityId=${nominationId}`, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
/** A JPEG whose EXIF (APP1) carries a home address and whose comment carries a phone, as phone cameras and editors leave them. */
function jpegWithExif(): Buffer {
  const seg = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPS 46.88N 124.87E 花园村幸福路12号')])),
    seg(0xfe, Buffer.from('13912345678')),
    seg(0xdb, Buffer.alloc(65, 1)),
    Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0]), Buffer.from('scan-data'), Buffer.from([0xff, 0xd9]),
  ]);
}

describe('nominations come from the nominating unit’s own subtree', () => {
  it('refuses, naming the nominee and where it belongs, a household, person, loan or unit of another township', async () => {
    const headB = await buildPerson(t.sys, { orgId: tree.townB.id, name: '丁兰', gender: '女', birthDate: '1980-01-01' });
    const householdB = await createHousehold(t.sys, { name: '丁兰户', orgId: tree.townB.id, headPersonId: headB.id });
    const loanB = await buildLoan(t.sys, { orgId: tree.townB.id, personId: headB.id, venture: '庭院经济' });
    const unitB = await buildUnit(t.sys, { code: 'PBL-B-P1', name: 'PBL乙镇巾帼岗', kind: 'other', parentId: tree.townB.id });
    const cases = [
      { nomineeType: 'household', ref: { householdId: householdB.id }, message: '“丁兰户”属于PBL乙镇妇联，不在推荐单位“PBL甲镇妇联”及其下级范围内：只能推荐本单位管辖范围内的家庭' },
      { nomineeType: 'person', ref: { personId: headB.id }, message: '“丁兰”属于PBL乙镇妇联，不在推荐单位“PBL甲镇妇联”及其下级范围内：只能推荐本单位管辖范围内的人员' },
      { nomineeType: 'loan', ref: { loanId: loanB.id }, message: '“丁兰（庭院经济）”属于PBL乙镇妇联，不在推荐单位“PBL甲镇妇联”及其下级范围内：只能推荐本单位管辖范围内的贷款项目' },
      { nomineeType: 'unit', ref: { unitId: unitB.id }, message: '“PBL乙镇巾帼岗”属于PBL乙镇妇联，不在推荐单位“PBL甲镇妇联”及其下级范围内：只能推荐本单位管辖范围内的组织' },
    ];
    for (const x of cases) {
      const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
        name: `跨镇提名${x.nomineeType}`, kind: '最美家庭', nomineeType: x.nomineeType, year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 2 }, { orgId: tree.townB.id, quota: 2 }],
      });
      // the county organizer sees both townships, yet township A's quota cannot carry township B's nominee
      const r = await call(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.organizer.headers, { nominatingOrgId: tree.townA.id, ...x.ref, deeds: '事迹' });
      expect(r.status, x.nomineeType).toBe(400);
      expect(r.body.error?.message).toBe(x.message);
      // township A's own staff do not even see it; township B nominates it on its own quota
      expect((await call(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, ...x.ref, deeds: '事迹' })).status).toBe(404);
      expect((await call(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffB.headers, { nominatingOrgId: tree.townB.id, ...x.ref, deeds: '事迹' })).status).toBe(201);
      const view = await ok<{ quotas: { orgId: string; used: number }[] }>(t.app, 'GET', `/api/v1/campaigns/${c.id}`, tree.organizer.headers);
      expect(view.quotas.map((q) => q.used)).toEqual([0, 1]);
    }
  });

  it('lets the web’s unit picker search only under the nominating unit', async () => {
    const under = await ok<{ items: { name: string }[] }>(t.app, 'GET', `/api/v1/orgs?q=${encodeURIComponent('巾帼岗')}&under=${tree.townA.id}`, tree.organizer.headers);
    expect(under.items.map((o) => o.name).sort()).toEqual(['PBL甲镇卫生院巾帼岗1', 'PBL甲镇卫生院巾帼岗2', 'PBL甲镇卫生院巾帼岗3', 'PBL甲镇卫生院巾帼岗4']);
    const all = await ok<{ items: { name: string }[] }>(t.app, 'GET', `/api/v1/orgs?q=${encodeURIComponent('巾帼岗')}`, tree.organizer.headers);
    expect(all.items.map((o) => o.name)).toContain('PBL乙镇巾帼岗');
  });
});

describe('publication of nominees (公示 names them)', () => {
  let id: string;
  let noms: { id: string; code: string }[] = [];
  it('records the consent, who recorded it and when; without it the campaign does not go public', async () => {
    const mei = await buildPerson(t.sys, { orgId: tree.townA.id, name: '丁梅', gender: '女', birthDate: '1979-03-08', phone: '13912345678', address: '花园村幸福路12号' });
    const son = await buildPerson(t.sys, { orgId: tree.townA.id, name: '丁小宝', birthDate: '2015-05-01' });
    const lan = await buildPerson(t.sys, { orgId: tree.townA.id, name: '丁芳', gender: '女', birthDate: '1982-04-04' });
    const h1 = await createHousehold(t.sys, { name: '丁梅户', orgId: tree.townA.id, headPersonId: mei.id, members: [{ personId: son.id, relation: '子' }] });
    const h2 = await createHousehold(t.sys, { name: '丁芳户', orgId: tree.townA.id, headPersonId: lan.id });
    const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
      name: '最美家庭评选', kind: '最美家庭', nomineeType: 'household', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 3 }], juryEnabled: false, votingEndsAt: iso(30 * day),
    });
    id = c.id;
    const first = await call(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, {
      nominatingOrgId: tree.townA.id, householdId: h1.id, deeds: '丁梅照顾儿子丁小宝和公婆，孝老爱亲', displayName: '丁梅家庭', consent: 'self',
    });
    expect(first.status).toBe(201);
    const second = await ok<{ id: string }>(t.app, 'POST', `/api/v1/campaigns/${id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, householdId: h2.id, deeds: '丁芳热心邻里互助', displayName: '丁芳家庭' });
    const numbered = await call(t.app, 'PATCH', `/api/v1/campaigns/${id}/nominations/${second.id}`, tree.staffA.headers, { displayName: '丁芳 13912345678' });
    expect(numbered.status).toBe(400);
    expect(numbered.body.error?.message).toBe('公开展示名称不能含电话号码或身份证号');
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'review' });
    noms = (await ok<{ items: { id: string; code: string }[] }>(t.app, 'GET', `/api/v1/campaigns/${id}/nominations`, tree.organizer.headers)).items;
    for (const n of noms) await ok(t.app, 'POST', `/api/v1/campaigns/${id}/nominations/${n.id}/review`, tree.organizer.headers, { decision: 'accept' });
    const refused = await call(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'voting' });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toBe('候选对象须登记本人或监护人同意公开后才能进入“投票”（公众页面将展示其名称、照片和事迹）。尚未登记同意：002 丁*家庭（PBL甲镇妇联）');
    // township B may not touch township A's nomination; township A records the consent
    expect((await call(t.app, 'PATCH', `/api/v1/campaigns/${id}/nominations/${second.id}`, tree.staffB.headers, { consent: 'self' })).status).toBe(404);
    clock.advance(60_000);
    const recorded = await ok<{ consent: string; consentLabel: string; consentRecordedBy: string; consentRecordedAt: string; shownName: string }>(t.app, 'PATCH', `/api/v1/campaigns/${id}/nominations/${second.id}`, tree.staffA.headers, { consent: 'self' });
    expect(recorded).toMatchObject({ consent: 'self', consentLabel: '本人已同意公开', consentRecordedAt: clock.now().toISOString(), shownName: '丁芳家庭' });
    expect(recorded.consentRecordedBy).toBeTruthy();
    const audit = await t.sys.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', second.id).where('action', '=', 'update_publication').execute();
    expect(audit).toHaveLength(1);
  });

  it('takes a photo (images only) and serves it to the public without its metadata', async () => {
    const photo = jpegWithExif();
    expect((await upload(noms[0].id, tree.staffB.headers, photo)).statusCode).toBe(404);
    const pdf = await upload(noms[0].id, tree.staffA.headers, Buffer.from('%PDF-1.4 x'), 'a.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toBe('候选对象的照片只能是 JPEG、PNG 或 WebP 图片');
    expect((await upload(noms[0].id, tree.staffA.headers, photo)).statusCode).toBe(201);
    await ok(t.app, 'POST', `/api/v1/campaigns/${id}/advance`, tree.organizer.headers, { to: 'voting' });
    const page = await ok<{ nominees: { id: string; name: string; deeds: string; photoUrl: string | null }[] }>(t.app, 'GET', `/api/public/campaigns/${id}`, undefined);
    expect(page.nominees.map((n) => n.name)).toEqual(['丁梅家庭', '丁芳家庭']);
    // the consented adult is named; her child stays masked
    expect(page.nominees[0].deeds).toBe('丁梅照顾儿子丁**和公婆，孝老爱亲');
    expect(page.nominees[1].photoUrl).toBeNull();
    const served = await t.app.inject({ url: page.nominees[0].photoUrl as string });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const bytes = served.rawPayload;
    expect(bytes.includes(Buffer.from('scan-data'))).toBe(true);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('花园村'))).toBe(false);
    expect(bytes.includes(Buffer.from('13912345678'))).toBe(false);
    expect((await t.app.inject({ url: `/api/public/campaigns/${id}/nominees/002/photo` })).statusCode).toBe(404);
    // once public, a consent cannot be taken back here
    const revoke = await call(t.app, 'PATCH', `/api/v1/campaigns/${id}/nominations/${noms[0].id}`, tree.staffA.headers, { consent: null });
    expect(revoke.status).toBe(422);
    expect(revoke.body.error?.message).toBe('评选已进入“投票”阶段，公众页面正在展示该候选对象，不能撤销同意公开');
  });

  it('keeps a child nominee masked whatever was recorded', async () => {
    const girl = await buildPerson(t.sys, { orgId: tree.townA.id, name: '王小红', gender: '女', birthDate: '2014-09-09' });
    const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
      name: '美德少年评选', kind: '美德少年', nomineeType: 'person', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 1 }], votingEnabled: false, juryEnabled: false,
    });
    const named = await call(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, personId: girl.id, deeds: '王小红乐于助人', displayName: '王小红', consent: 'guardian' });
    expect(named.status).toBe(400);
    expect(named.body.error?.message).toBe('未成年人不公开姓名，请留空公开展示名称（公众页面显示脱敏名称）');
    const n = await ok<{ id: string }>(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, personId: girl.id, deeds: '王小红乐于助人', consent: 'guardian' });
    expect((await upload(n.id, tree.staffA.headers, jpegWithExif())).statusCode).toBe(201);
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'review' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations/${n.id}/review`, tree.organizer.headers, { decision: 'accept' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'publicity' });
    const page = await ok<{ nominees: { name: string; deeds: string; photoUrl: string | null }[] }>(t.app, 'GET', `/api/public/campaigns/${c.id}`, undefined);
    expect(page.nominees).toEqual([expect.objectContaining({ name: '王**', deeds: '王**乐于助人', photoUrl: null })]);
    expect((await t.app.inject({ url: `/api/public/campaigns/${c.id}/nominees/001/photo` })).statusCode).toBe(404);
  });
});

describe('the vote opens and closes by itself at 投票开始/截止', () => {
  it('refuses votes before the start and after the deadline, with the times, judged by the server clock', async () => {
    const c = await ok<{ id: string }>(t.app, 'POST', '/api/v1/campaigns', tree.organizer.headers, {
      name: '投票时间评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: tree.townA.id, quota: 2 }], juryEnabled: false,
    });
    const n = await ok<{ id: string }>(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations`, tree.staffA.headers, { nominatingOrgId: tree.townA.id, unitId: tree.posts[0].id, deeds: '服务群众' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'review' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/nominations/${n.id}/review`, tree.organizer.headers, { decision: 'accept' });
    const noEnd = await call(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'voting' });
    expect(noEnd.body.error?.message).toBe('请先点“设置投票时间”填写投票截止时间，再进入投票阶段');
    const backwards = await call(t.app, 'PATCH', `/api/v1/campaigns/${c.id}`, tree.organizer.headers, { votingStartsAt: '2026-06-18T08:00:00+08:00', votingEndsAt: '2026-06-17T20:00:00+08:00' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.details?.[0].path).toBe('votingEndsAt');
    // today is 2026-06-15 10:00 in Beijing: the vote runs 06-16 08:00 → 06-18 20:00
    const set = await ok<{ votingStartsAt: string; votingEndsAt: string }>(t.app, 'PATCH', `/api/v1/campaigns/${c.id}`, tree.organizer.headers, { votingStartsAt: '2026-06-16T08:00:00+08:00', votingEndsAt: '2026-06-18T20:00:00+08:00' });
    expect(set).toMatchObject({ votingStartsAt: '2026-06-16T00:00:00.000Z', votingEndsAt: '2026-06-18T12:00:00.000Z' });
    await ok(t.app, 'POST', `/api/v1/campaigns/${c.id}/advance`, tree.organizer.headers, { to: 'voting' });
    const [early] = await voterTokens(t.app, 1);
    const vote = (token: string, ip: string) => call(t.app, 'POST', `/api/public/campaigns/${c.id}/votes`, undefined, { nomineeId: '001', token }, ip);
    const phase = async () => (await ok<{ votingPhase: string; votingOpen: boolean; votingStartsAt: string; votingEndsAt: string }>(t.app, 'GET', `/api/public/campaigns/${c.id}`, undefined));
    expect(await phase()).toMatchObject({ votingPhase: 'upcoming', votingOpen: false, votingStartsAt: '2026-06-16T00:00:00.000Z', votingEndsAt: '2026-06-18T12:00:00.000Z' });
    const before = await vote(early, '10.60.0.1');
    expect(before.status).toBe(422);
    expect(before.body.error?.message).toBe('投票将于 2026年6月16日 08:00 开始，现在还不能投票');
    // nobody clicks anything: at 08:00 the vote is open
    clock.set('2026-06-16T00:00:00.000Z');
    await refreshLogins(t, tree);
    expect((await phase()).votingPhase).toBe('open');
    const [onTime] = await voterTokens(t.app, 1);
    expect((await vote(onTime, '10.60.0.2')).status).toBe(201);
    // the start cannot move once the vote has begun
    const moved = await call(t.app, 'PATCH', `/api/v1/campaigns/${c.id}`, tree.organizer.headers, { votingStartsAt: '2026-06-17T08:00:00+08:00' });
    expect(moved.body.error?.message).toBe('投票已于 2026年6月16日 08:00 开始，不能再修改开始时间');
    clock.set('2026-06-18T11:30:00.000Z');
    const [late] = await voterTokens(t.app, 1);
    clock.set('2026-06-18T12:00:00.000Z');
    await refreshLogins(t, tree);
    expect((await phase()).votingPhase).toBe('ended');
    const after = await call(t.app, 'POST', `/api/public/campaigns/${c.id}/votes`, undefined, { nomineeId: '001', token: late }, '10.60.0.3');
    // a phone verified half an hour before the deadline: the deadline is what refuses
    expect(after.status).toBe(422);
    expect(after.body.error?.message).toBe('投票已于 2026年6月18日 20:00 截止，不能再投票');
    const counted = await ok<{ items: { votes: number }[] }>(t.app, 'GET', `/api/v1/campaigns/${c.id}/nominations`, tree.organizer.headers);
    expect(counted.items[0].votes).toBe(1);
  });
});
