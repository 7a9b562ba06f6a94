import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { createHousehold } from '../households/households.service';
import { createPerson } from '../people/people.service';

/**
 * Issue 11 item 7: a story "住在…光明村27号，喜欢读书" was approved, published and served by the public
 * wish page, because the check matched address patterns only. The story is now compared with what is
 * registered about the child and the household; the reviewer sees the public card with the findings.
 */
let t: TestApp;
type Headers = { authorization: string };
let village: { id: string };
let staff: Headers;
let child: string;
let zhao: string;

const address = '花园县探针镇光明村27号';
const attack = `住在${address}，喜欢读书`;
const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: staff, payload });
const pub = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: '10.7.0.1' });
const write = (personId: string, story: string, title = '一套课外书') => req('POST', '/api/v1/wishes', { personId, beneficiaryKind: '儿童', title, story, valueYuan: 60, orgId: village.id });

beforeAll(async () => {
  t = await createTestApp();
  const town = await buildUnit(t.sys, { code: 'wp-town', name: '探针镇妇联', kind: 'womens_federation' });
  village = await buildUnit(t.sys, { code: 'wp-village', name: '光明村妇联', kind: 'womens_branch', parentId: town.id });
  staff = (await t.userWith('staff', town.id)).headers;
  const person = await createPerson(t.sys, { orgId: village.id, name: '欧阳思源', idNumber: buildIdNumber({ birthDate: '2015-04-02' }), address, note: '就读于探针镇光明小学三年级' });
  child = person.id;
  const father = await buildPerson(t.sys, { orgId: village.id, name: '欧阳建国', birthDate: '1985-01-01', phone: '13800005678' });
  await createHousehold(t.sys, { name: '欧阳建国户', orgId: village.id, headPersonId: father.id, members: [{ personId: father.id, relation: '户主' }, { personId: child, relation: '子女' }] });
  zhao = (await buildPerson(t.sys, { orgId: village.id, name: '赵思远', birthDate: '2016-03-03' })).id;
});
afterAll(() => t.close());

describe('what a published wish may say about the child', () => {
  it('refuses the registered address in the story, naming it', async () => {
    const res = await write(child, attack);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(`心愿将公开显示，心愿说明中出现受助人登记的住址“${address}”，请修改后再提交`);
    expect(res.json().error.details).toEqual([{ path: 'story', message: `心愿说明中出现受助人登记的住址“${address}”` }]);
    expect((await write(child, '家住光明村，门牌27号，喜欢读书')).json().error.details.map((d: { message: string }) => d.message)).toContain('心愿说明中出现受助人登记住址中的“光明村”和门牌“27号”');
  });

  it('refuses the given name after a compound surname as after a single one: 思源 of 欧阳思源 and 思远 of 赵思远', async () => {
    for (const [personId, given] of [[child, '思源'], [zhao, '思远']]) {
      const res = await write(personId, `${given}喜欢读书，想要一套童话书`);
      expect(res.statusCode, given).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'story', message: `心愿说明中出现受助人的名字“${given}”` }]);
    }
  });

  it('refuses the school written in the child’s record, a guardian’s phone written with dashes, and names them in the title too', async () => {
    const school = await write(child, '在光明小读三年级，喜欢读书');
    expect(school.json().error.details).toEqual([{ path: 'story', message: '心愿说明中出现受助人就读的学校“光明小”' }]);
    const phone = await write(child, '爸爸在外务工，有事请联系138-0000-5678');
    expect(phone.json().error.details).toEqual([{ path: 'story', message: '心愿说明中出现受助人或其监护人登记的电话“138-0000-5678”' }]);
    const title = await write(child, '喜欢读书', '欧阳建国家的书');
    expect(title.json().error.details).toEqual([{ path: 'title', message: '心愿中出现受助人家庭成员的姓名“欧阳建国”' }]);
  });

  it('shows the reviewer the public card with the findings marked, and refuses 审核通过 and 发布 of a story that got past an earlier check', async () => {
    const w = await write(child, '喜欢读书，想要一套童话书');
    expect(w.statusCode).toBe(201);
    const id = w.json().id as string;
    const clean = (await req('GET', `/api/v1/wishes/${id}`)).json();
    expect(clean.publicPreview).toEqual({
      card: { id: '', maskedName: '欧***', kind: '儿童', title: '一套课外书', story: '喜欢读书，想要一套童话书', valueYuan: 60, unitName: '光明村妇联', status: 'published', statusLabel: '待认领', publishedOn: null, claimedOn: null, fulfilledOn: null, donorName: null },
      findings: [],
    });
    // the wish of the report: written before the check knew the registered address
    await t.database.db.updateTable('wishes').set({ story: attack }).where('id', '=', id).execute();
    const preview = (await req('GET', `/api/v1/wishes/${id}`)).json().publicPreview;
    expect(preview.card.story).toBe(attack);
    expect(preview.findings).toEqual([{ field: 'story', kind: 'address', found: address, start: 2, end: 2 + address.length, message: `心愿说明中出现受助人登记的住址“${address}”` }]);
    const approve = await req('POST', `/api/v1/wishes/${id}/transitions`, { action: 'approve' });
    expect(approve.statusCode).toBe(422);
    expect(approve.json().error.message).toBe(`心愿将公开显示，心愿说明中出现受助人登记的住址“${address}”，请修改后再提交`);
    expect((await req('GET', `/api/v1/wishes/${id}`)).json().status).toBe('submitted');
    // approved while the story was clean, then the story changed underneath: publication refuses it too
    await t.database.db.updateTable('wishes').set({ story: '喜欢读书', status: 'approved' }).where('id', '=', id).execute();
    await t.database.db.updateTable('wishes').set({ story: attack }).where('id', '=', id).execute();
    expect((await req('POST', `/api/v1/wishes/${id}/transitions`, { action: 'publish' })).statusCode).toBe(422);
    expect((await pub('/api/public/wishes')).json().items).toEqual([]);
    // corrected through the form, it goes through and the public page shows nothing registered
    expect((await req('PATCH', `/api/v1/wishes/${id}`, { story: '喜欢读书，想要一套童话书' })).statusCode).toBe(200);
    expect((await req('POST', `/api/v1/wishes/${id}/transitions`, { action: 'publish' })).json().status).toBe('published');
    const code = (await req('GET', `/api/v1/wishes/${id}`)).json().code as string;
    const page = await pub(`/api/public/wishes/${code}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ id: code, maskedName: '欧***', story: '喜欢读书，想要一套童话书' });
    expect(page.body).not.toMatch(/欧阳思源|思源|光明村27号|光明小学|13800005678|欧阳建国/);

    // the wish of the report, published before this check: the public side withholds its text
    await t.database.db.updateTable('wishes').set({ story: attack }).where('id', '=', id).execute();
    const served = await pub(`/api/public/wishes/${code}`);
    expect(served.json()).toMatchObject({ id: code, title: '微心愿', story: '（该心愿的说明正在修订，暂不公开）' });
    const board = await pub('/api/public/wishes');
    expect(board.json().items).toEqual([expect.objectContaining({ id: code, title: '微心愿', story: '（该心愿的说明正在修订，暂不公开）' })]);
    for (const body of [served.body, board.body]) expect(body).not.toContain('光明村27号');
    expect((await req('GET', `/api/v1/wishes/${id}`)).json().publicPreview.findings.map((f: { found: string }) => f.found)).toEqual([address]);
  });
});
