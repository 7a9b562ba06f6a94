import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { LogSmsSender } from '../otp/sms';
import { noticeSmsSender } from './notices.routes';
import { noticesToSign } from '../todo/providers/notices';
import type { Ctx } from '../../context';

/**
 * 通知公告 on a county built here from scratch (no demo codes): a county 妇联 notice to its three
 * township 妇联 is read, signed by two, 催办 reaches the third (in-app and SMS), and the sender's
 * table shows it; nobody outside the scope sees it; withdrawal; drafts and their attachments.
 */
let t: TestApp;
type Headers = { authorization: string };
type User = { id: string; headers: Headers };
let county: { id: string };
let towns: { id: string; name: string }[];
let village: { id: string };
let otherCounty: { id: string };
let clerk: User;
let townStaff: User[];
let townViewer: User;
let villageStaff: User;
let otherStaff: User;
let leader: User;

const call = (h: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: h, payload });
async function ok<T = any>(h: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
  const res = await call(h, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
const audits = (entityId: string, action: string) => t.database.db.selectFrom('audit_log').select(['org_id', 'actor_name']).where('entity', '=', 'notice').where('entity_id', '=', entityId).where('action', '=', action).execute();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-06-15T02:00:00.000Z');
  const party = await buildUnit(t.sys, { code: 'nt-xw', name: '某县委', kind: 'party_committee' });
  county = await buildUnit(t.sys, { code: 'nt-fl', name: '某县妇联', kind: 'womens_federation', parentId: party.id });
  towns = [];
  for (const [i, name] of ['甲镇妇联', '乙镇妇联', '丙乡妇联'].entries()) towns.push(await buildUnit(t.sys, { code: `nt-t${i + 1}`, name, kind: 'womens_federation', parentId: county.id }));
  village = await buildUnit(t.sys, { code: 'nt-t1-v1', name: '甲镇一村妇联', kind: 'womens_branch', parentId: towns[0].id });
  otherCounty = await buildUnit(t.sys, { code: 'nt-other', name: '另一县妇联', kind: 'womens_federation' });
  clerk = await t.userWith('staff', county.id, 'nt-clerk');
  leader = await t.userWith('leader', party.id, 'nt-leader');
  townStaff = [];
  for (const [i, town] of towns.entries()) townStaff.push(await t.userWith('staff', town.id, `nt-town${i + 1}`));
  townViewer = await t.userWith('viewer', towns[0].id, 'nt-viewer');
  villageStaff = await t.userWith('staff', village.id, 'nt-village');
  otherStaff = await t.userWith('staff', otherCounty.id, 'nt-other');
  // the third township's clerk gave a phone for reminders (todo's user_notify_settings)
  await t.database.db.insertInto('user_notify_settings').values({ user_id: townStaff[2].id, phone_cipher: t.crypto.encrypt('13904590003'), phone_masked: '139****0003', digest_enabled: 1, updated_at: new Date().toISOString() }).execute();
});
afterAll(() => t.close());

describe('a county 妇联 notice to its township 妇联', () => {
  let id: string;

  it('is drafted with a sanitized body and published to the units of the chosen kind', async () => {
    const draft = await ok(clerk.headers, 'POST', '/api/v1/notices', {
      title: '关于开展“三八”维权周活动的通知', needSign: true, deadline: '2026-06-20', recipientMode: 'kinds', recipientKinds: ['womens_federation'],
      bodyHtml: '<p onclick="steal()">各乡镇妇联：</p><script>alert(1)</script><ul><li><b>时间</b>：3月1日</li></ul><a href="javascript:alert(1)">点此</a><img src=x onerror=alert(1)>',
    });
    id = draft.id;
    expect(draft).toMatchObject({ status: 'draft', statusLabel: '草稿', orgName: '某县妇联', canEdit: true });
    expect(draft.bodyHtml).toBe('<p>各乡镇妇联：</p><ul><li><strong>时间</strong>：3月1日</li></ul><p>点此</p>');
    // a draft is the sending side's alone
    expect((await call(townStaff[0].headers, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);
    const published = await ok(clerk.headers, 'POST', `/api/v1/notices/${id}/publish`);
    expect(published.status).toBe('published');
    expect(published.counts).toEqual({ total: 3, unread: 3, read: 0, signed: 0 });
    expect(published.tracking.map((r: { orgName: string }) => r.orgName)).toEqual(['甲镇妇联', '乙镇妇联', '丙乡妇联']);
    expect(await audits(id, 'publish')).toHaveLength(1);
    expect((await call(clerk.headers, 'POST', `/api/v1/notices/${id}/publish`)).statusCode).toBe(422);
  });

  it('reaches each township in 收到的; opening it marks the unit read once, audited', async () => {
    const box = await ok(townStaff[0].headers, 'GET', '/api/v1/notices?box=received');
    expect(box.items).toHaveLength(1);
    expect(box).toMatchObject({ total: 1, waiting: 1 });
    expect(box.items[0]).toMatchObject({ id, orgName: '某县妇联', unitName: '甲镇妇联', state: 'unread', stateLabel: '未读', needSign: true, deadline: '2026-06-20' });
    t.clock.set('2026-06-15T03:00:00.000Z');
    const opened = await ok(townStaff[0].headers, 'GET', `/api/v1/notices/${id}`);
    expect(opened.mine).toEqual([expect.objectContaining({ orgName: '甲镇妇联', state: 'read', readAt: '2026-06-15T03:00:00.000Z', readByName: 'nt-town1', canSign: true })]);
    // a township sees its own receipt, not the other townships'
    expect(opened.tracking).toBeNull();
    expect(JSON.stringify(opened)).not.toContain('乙镇');
    await ok(townStaff[0].headers, 'GET', `/api/v1/notices/${id}`);
    await ok(townViewer.headers, 'GET', `/api/v1/notices/${id}`);
    expect(await audits(id, 'read')).toEqual([{ org_id: towns[0].id, actor_name: 'nt-town1' }]);
    // the sender's opening is not a reading by a recipient
    const sender = await ok(clerk.headers, 'GET', `/api/v1/notices/${id}`);
    expect(sender.counts).toEqual({ total: 3, unread: 2, read: 1, signed: 0 });
  });

  it('is signed by two townships (who and when); a viewer cannot sign, nor twice', async () => {
    const viewer = await call(townViewer.headers, 'POST', `/api/v1/notices/${id}/sign`, {});
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.message).toContain('查看者');
    t.clock.set('2026-06-15T04:00:00.000Z');
    const signed = await ok(townStaff[0].headers, 'POST', `/api/v1/notices/${id}/sign`, {});
    expect(signed.mine[0]).toMatchObject({ state: 'signed', stateLabel: '已签收', signedAt: '2026-06-15T04:00:00.000Z', signedByName: 'nt-town1', canSign: false });
    expect((await call(townStaff[0].headers, 'POST', `/api/v1/notices/${id}/sign`, {})).statusCode).toBe(409);
    // signing without opening first also marks the unit read
    const second = await ok(townStaff[1].headers, 'POST', `/api/v1/notices/${id}/sign`, {});
    expect(second.mine[0]).toMatchObject({ state: 'signed', readAt: '2026-06-15T04:00:00.000Z', readByName: 'nt-town2' });
    expect((await audits(id, 'sign')).map((a) => a.org_id).sort()).toEqual([towns[0].id, towns[1].id].sort());
    expect((await ok(townStaff[0].headers, 'GET', '/api/v1/notices?box=received&pending=true')).total).toBe(0);
  });

  it('催办 reaches the third township only, in the app and by SMS, at most once an hour', async () => {
    const sms = noticeSmsSender(t.app) as LogSmsSender;
    expect(sms).toBeInstanceOf(LogSmsSender);
    expect((await call(townStaff[0].headers, 'POST', `/api/v1/notices/${id}/remind`)).statusCode).toBe(403);
    t.clock.set('2026-06-15T05:00:00.000Z');
    const r = await ok(clerk.headers, 'POST', `/api/v1/notices/${id}/remind`);
    expect(r).toMatchObject({ reminded: 1, smsSent: 1, smsFailed: 0 });
    expect(sms.lastText('13904590003')).toBe('某县妇联通知《关于开展“三八”维权周活动的通知》贵单位尚未签收，签收截止 2026年6月20日，请登录群团工作平台办理。');
    const rows = r.notice.tracking as { orgName: string; state: string; remindedAt: string | null; remindCount: number }[];
    expect(rows.map((x) => [x.orgName, x.state, x.remindCount])).toEqual([['甲镇妇联', 'signed', 0], ['乙镇妇联', 'signed', 0], ['丙乡妇联', 'unread', 1]]);
    const third = await ok(townStaff[2].headers, 'GET', '/api/v1/notices?box=received&pending=true');
    expect(third.items[0]).toMatchObject({ id, remindedAt: '2026-06-15T05:00:00.000Z', remindCount: 1 });
    expect(third.items[0].title).toBe('关于开展“三八”维权周活动的通知');
    t.clock.set('2026-06-15T05:30:00.000Z');
    const again = await call(clerk.headers, 'POST', `/api/v1/notices/${id}/remind`);
    expect(again.statusCode).toBe(429);
    expect(again.json().error.message).toBe('每小时只能催办一次，本通知已于 13:00 催办，请于 14:00 后再催办');
    expect(await audits(id, 'remind')).toHaveLength(1);
    // the reminder is in the third township's 待办; the signed ones have nothing to do
    const asUser = (u: User, orgId: string): Ctx => ({ ...t.sys, actor: { kind: 'user', id: u.id, username: 'x', displayName: 'x', grants: [{ role: 'staff', orgId }] } });
    const todo = await noticesToSign.collect(asUser(townStaff[2], towns[2].id), '2026-06-15', 10);
    expect(todo).toEqual({ total: 1, items: [{ kind: 'notices.sign', id, title: '签收通知《关于开展“三八”维权周活动的通知》（已催办）', dueDate: '2026-06-20', severity: 'due', link: `/notices/${id}`, orgName: '某县妇联', note: '签收截止 2026年6月20日；丙乡妇联已被催办' }] });
    expect((await noticesToSign.collect(asUser(townStaff[2], towns[2].id), '2026-06-21', 0))).toEqual({ total: 1, items: [] });
    expect((await noticesToSign.collect(asUser(townStaff[2], towns[2].id), '2026-06-21', 5)).items[0].severity).toBe('overdue');
    expect(await noticesToSign.collect(asUser(townStaff[0], towns[0].id), '2026-06-15', 10)).toEqual({ total: 0, items: [] });
    // and in the 待办 list the home page shows (GET /api/v1/todo, todo/registry.ts)
    const home = JSON.stringify(await ok(townStaff[2].headers, 'GET', '/api/v1/todo'));
    expect(home).toContain('notices.sign');
    expect(home).toContain('签收通知《关于开展“三八”维权周活动的通知》（已催办）');
    expect(JSON.stringify(await ok(townStaff[0].headers, 'GET', '/api/v1/todo'))).not.toContain('notices.sign');
    t.clock.set('2026-06-15T06:00:00.000Z');
    expect((await ok(clerk.headers, 'POST', `/api/v1/notices/${id}/remind`)).reminded).toBe(1);
  });

  it('the sender’s table shows every unit’s 未读/已读/已签收 with times; a leader above sees it too', async () => {
    t.clock.set('2026-06-15T07:00:00.000Z');
    await ok(townStaff[2].headers, 'GET', `/api/v1/notices/${id}`);
    const view = await ok(clerk.headers, 'GET', `/api/v1/notices/${id}`);
    expect(view.counts).toEqual({ total: 3, unread: 0, read: 1, signed: 2 });
    expect(view.tracking[2]).toMatchObject({ orgName: '丙乡妇联', state: 'read', stateLabel: '已读', readAt: '2026-06-15T07:00:00.000Z', readByName: 'nt-town3', signedAt: null, remindCount: 2 });
    expect(view).toMatchObject({ canRemind: true, waiting: 1, lastRemindedAt: '2026-06-15T06:00:00.000Z', nextRemindAt: '2026-06-15T07:00:00.000Z' });
    t.clock.set('2026-06-15T06:59:00.000Z');
    expect((await ok(clerk.headers, 'GET', `/api/v1/notices/${id}`)).canRemind).toBe(false);
    t.clock.set('2026-06-15T07:00:00.000Z');
    const sent = await ok(leader.headers, 'GET', '/api/v1/notices?box=sent');
    expect(sent.items).toEqual([expect.objectContaining({ id, recipients: 3, read: 3, signed: 2, orgName: '某县妇联' })]);
    expect((await ok(leader.headers, 'GET', `/api/v1/notices/${id}`)).counts.signed).toBe(2);
    // but a leader does not manage the county 妇联's notice
    expect((await call(leader.headers, 'POST', `/api/v1/notices/${id}/withdraw`, { reason: '试' })).statusCode).toBe(403);
  });

  it('is seen by nobody outside its scope: another county, a village below a township, a sibling not chosen', async () => {
    for (const u of [otherStaff, villageStaff]) {
      expect((await call(u.headers, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);
      expect((await call(u.headers, 'POST', `/api/v1/notices/${id}/sign`, {})).statusCode).toBe(404);
      expect((await call(u.headers, 'POST', `/api/v1/notices/${id}/remind`)).statusCode).toBe(404);
      expect((await call(u.headers, 'GET', `/api/v1/attachments?entity=notices&entityId=${id}`)).statusCode).toBe(404);
      for (const box of ['received', 'sent']) expect((await ok(u.headers, 'GET', `/api/v1/notices?box=${box}`)).total).toBe(0);
    }
    expect((await call(otherStaff.headers, 'GET', `/api/v1/notices?box=sent&orgId=${county.id}`)).statusCode).toBe(404);
    // chosen units: only 乙镇 receives; 甲镇 does not see it
    const only = await ok(clerk.headers, 'POST', '/api/v1/notices', { title: '仅发乙镇', bodyHtml: '<p>请乙镇妇联报送材料。</p>', recipientMode: 'units', recipientOrgIds: [towns[1].id] });
    await ok(clerk.headers, 'POST', `/api/v1/notices/${only.id}/publish`);
    expect((await call(townStaff[0].headers, 'GET', `/api/v1/notices/${only.id}`)).statusCode).toBe(404);
    expect((await ok(townStaff[1].headers, 'GET', `/api/v1/notices/${only.id}`)).mine).toHaveLength(1);
  });

  it('a township sees the county’s notice to its villages, with its villages’ rows only', async () => {
    const all = await ok(clerk.headers, 'POST', '/api/v1/notices', { title: '全县通知', bodyHtml: '各单位：请按时报送。', needSign: false, recipientMode: 'subtree' });
    const pub = await ok(clerk.headers, 'POST', `/api/v1/notices/${all.id}/publish`);
    expect(pub.counts.total).toBe(4);
    const town = await ok(townStaff[0].headers, 'GET', `/api/v1/notices/${all.id}`);
    expect(town.tracking.map((r: { orgName: string }) => r.orgName)).toEqual(['甲镇一村妇联']);
    expect(town.mine[0]).toMatchObject({ state: 'read', canSign: false });
    expect((await call(townStaff[0].headers, 'POST', `/api/v1/notices/${all.id}/sign`, {})).json().error.message).toBe('此通知不需要签收');
  });

  it('withdrawn: recipients see 已撤回 without the text and sign no more', async () => {
    expect((await call(clerk.headers, 'POST', `/api/v1/notices/${id}/withdraw`, {})).statusCode).toBe(400);
    await ok(clerk.headers, 'POST', `/api/v1/notices/${id}/withdraw`, { reason: '时间调整，另行通知' });
    const seen = await ok(townStaff[2].headers, 'GET', `/api/v1/notices/${id}`);
    expect(seen).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', bodyHtml: '', withdrawReason: '时间调整，另行通知' });
    expect(seen.mine[0].canSign).toBe(false);
    const sign = await call(townStaff[2].headers, 'POST', `/api/v1/notices/${id}/sign`, {});
    expect([sign.statusCode, sign.json().error.message]).toEqual([422, '通知已撤回，无需签收']);
    expect((await call(clerk.headers, 'POST', `/api/v1/notices/${id}/remind`)).statusCode).toBe(422);
    expect(await audits(id, 'withdraw')).toHaveLength(1);
  });
});

describe('drafts', () => {
  it('refuses recipients outside the sender’s subtree, past deadlines and an empty body, naming the field', async () => {
    const base = { title: '测试', bodyHtml: '<p>正文</p>', recipientMode: 'units' };
    const outside = await call(clerk.headers, 'POST', '/api/v1/notices', { ...base, recipientOrgIds: [towns[0].id, otherCounty.id] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([{ path: 'recipientOrgIds.1', message: '第2个接收单位不是发文单位的下级单位（或已撤销）' }]);
    const past = await call(clerk.headers, 'POST', '/api/v1/notices', { ...base, recipientOrgIds: [towns[0].id], deadline: '2026-06-01' });
    expect(past.json().error.details).toEqual([{ path: 'deadline', message: '签收截止日期不能早于今天' }]);
    const empty = await call(clerk.headers, 'POST', '/api/v1/notices', { ...base, recipientOrgIds: [towns[0].id], bodyHtml: '<script>alert(1)</script><p> </p>' });
    expect(empty.json().error.details).toEqual([{ path: 'bodyHtml', message: '请填写正文' }]);
    const noKind = await call(clerk.headers, 'POST', '/api/v1/notices', { ...base, recipientMode: 'kinds' });
    expect(noKind.json().error.details).toEqual([{ path: 'recipientKinds', message: '请选择接收单位的类型' }]);
    // a unit with nothing below it cannot publish
    const lonely = await ok(villageStaff.headers, 'POST', '/api/v1/notices', { title: '无下级', bodyHtml: '正文', recipientMode: 'subtree' });
    const refused = await call(villageStaff.headers, 'POST', `/api/v1/notices/${lonely.id}/publish`);
    expect([refused.statusCode, refused.json().error.message]).toEqual([422, '发文单位没有下级单位，无法发布']);
  });

  it('holds attachments while a draft; recipients download them; deleting a draft takes them along', async () => {
    const boundary = 'nt-boundary';
    const pdf = Buffer.from('%PDF-1.4\n通知附件\n%%EOF');
    const upload = (h: Headers, noticeId: string) =>
      t.app.inject({
        method: 'POST', url: `/api/v1/attachments?entity=notices&entityId=${noticeId}`, headers: { ...h, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="活动方案.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
    const draft = await ok(clerk.headers, 'POST', '/api/v1/notices', { title: '附件通知', bodyHtml: '<p>见附件。</p>', recipientMode: 'units', recipientOrgIds: [towns[0].id] });
    const file = await upload(clerk.headers, draft.id);
    expect(file.statusCode).toBe(201);
    expect((await upload(townStaff[0].headers, draft.id)).statusCode).toBe(404);
    const edited = await ok(clerk.headers, 'PATCH', `/api/v1/notices/${draft.id}`, { title: '附件通知（修订）', deadline: '2026-06-30' });
    expect(edited).toMatchObject({ title: '附件通知（修订）', deadline: '2026-06-30', recipientOrgIds: [towns[0].id] });
    await ok(clerk.headers, 'POST', `/api/v1/notices/${draft.id}/publish`);
    expect((await upload(clerk.headers, draft.id)).statusCode).toBe(422);
    expect((await call(clerk.headers, 'PATCH', `/api/v1/notices/${draft.id}`, { title: '改' })).statusCode).toBe(422);
    const list = await ok(townStaff[0].headers, 'GET', `/api/v1/attachments?entity=notices&entityId=${draft.id}`);
    expect(list.items.map((f: { filename: string }) => f.filename)).toEqual(['活动方案.pdf']);
    expect((await call(townStaff[0].headers, 'GET', `/api/v1/attachments/${list.items[0].id}/file`)).statusCode).toBe(200);
    expect((await call(otherStaff.headers, 'GET', `/api/v1/attachments/${list.items[0].id}/file`)).statusCode).toBe(404);
    expect((await call(clerk.headers, 'DELETE', `/api/v1/attachments/${list.items[0].id}`)).statusCode).toBe(422);
    expect((await call(clerk.headers, 'DELETE', `/api/v1/notices/${draft.id}`)).statusCode).toBe(422);

    const other = await ok(clerk.headers, 'POST', '/api/v1/notices', { title: '待删草稿', bodyHtml: '正文', recipientMode: 'subtree' });
    await upload(clerk.headers, other.id);
    expect((await call(clerk.headers, 'DELETE', `/api/v1/notices/${other.id}`)).statusCode).toBe(204);
    expect(await t.database.db.selectFrom('attachments').select('id').where('entity_id', '=', other.id).execute()).toEqual([]);
    expect(await audits(other.id, 'delete')).toHaveLength(1);
  });
});
