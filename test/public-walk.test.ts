import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastOtpCode } from '../src/server/modules/otp/otp.routes';
import { buildPerson, buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * The public-routes walker: every /api/public/* route in the OpenAPI document (wishes, campaigns,
 * OTP and any added later) is called with realistic data on record — children with names, phones,
 * ID numbers, addresses and schools; a selection of people in its voting stage; wishes published,
 * claimed and fulfilled — and no response may carry a full name, phone, ID number, address or
 * school of anyone on record.
 */
let t: TestApp;
const ids: Record<string, string[]> = { campaigns: [], wishes: [] };
let voteToken = '';
let claimToken = '';
let objectionToken = '';
const secrets: string[] = [];

async function call(method: string, url: string, headers: Record<string, string>, payload?: object, ip = '10.77.0.1') {
  return t.app.inject({ method: method as 'GET', url, headers: { authorization: '', ...headers }, payload, remoteAddress: ip });
}
async function ok(method: string, url: string, headers: Record<string, string>, payload?: object) {
  const res = await call(method, url, headers, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}
async function token(phone: string, purpose: 'vote' | 'claim' | 'objection', ip: string): Promise<string> {
  await call('POST', '/api/public/otp/send', {}, { phone, purpose }, ip);
  return (await call('POST', '/api/public/otp/verify', {}, { phone, purpose, code: lastOtpCode(t.app, phone) }, ip)).json().token as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'PW-CO', name: '林甸县妇联', kind: 'womens_federation' });
  const town = await buildUnit(t.sys, { code: 'PW-A', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  const village = await buildUnit(t.sys, { code: 'PW-A1', name: '花园村妇联', kind: 'womens_branch', parentId: town.id });
  const staff = (await t.userWith('staff', county.id, 'pw-staff')).headers;
  const people = {
    child: await buildPerson(t.sys, { orgId: village.id, name: '王小明', birthDate: '2016-05-01', phone: '13912345678', address: '花园村幸福路12号' }),
    girl: await buildPerson(t.sys, { orgId: village.id, name: '李春花', gender: '女', birthDate: '2013-09-09', phone: '13811112222', address: '花园村东三组8号' }),
    mother: await buildPerson(t.sys, { orgId: town.id, name: '赵美丽', gender: '女', birthDate: '1985-03-03', phone: '13633334444', address: '花园镇建设街5号' }),
    elder: await buildPerson(t.sys, { orgId: town.id, name: '刘桂芝', gender: '女', birthDate: '1948-02-02', address: '花园镇敬老院3号楼' }),
  };
  // the child's school sits in the person's note (the registry keeps it there)
  await t.sys.db.updateTable('people').set({ note: '就读于花园镇中心小学三年级' }).where('id', '=', people.child.id).execute();

  // a selection of people in its voting stage: the mother consented to be shown as 赵美丽 with a photo (whose EXIF
  // carries her address and phone), the elder consented without a display name, a child with her guardian's
  // consent stays masked, and a consented nominee who was rejected never appears
  const votingEndsAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
  const campaign = await ok('POST', '/api/v1/campaigns', staff, { name: '最美巾帼人物评选', kind: '巾帼建功标兵', nomineeType: 'person', year: 2026, awardLevel: '县级', quotas: [{ orgId: town.id, quota: 4 }], winnersCount: 1, votingEndsAt });
  const nominated: Record<string, string> = {};
  for (const [key, p, extra] of [
    ['mother', people.mother, { displayName: '赵美丽', consent: 'self' }],
    ['elder', people.elder, { consent: 'self' }],
    ['girl', people.girl, { consent: 'guardian' }],
    ['rejected', people.child, { consent: 'guardian' }],
  ] as const) {
    nominated[key] = (await ok('POST', `/api/v1/campaigns/${campaign.id}/nominations`, staff, { nominatingOrgId: town.id, personId: p.id, deeds: `${p.name}同志热心公益，多年照顾留守儿童`, ...extra })).id;
  }
  const motherId = t.crypto.decrypt((await t.sys.db.selectFrom('people').select('id_cipher').where('id', '=', people.mother.id).executeTakeFirstOrThrow()).id_cipher);
  const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255]), body]);
  const exif = Buffer.from(`Exif\0\0GPS 花园镇建设街5号 13633334444 ${motherId} 花园村幸福路12号 王小明`);
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xe1, exif), segment(0xfe, Buffer.from('13912345678')), Buffer.from([0xff, 0xda, 0, 2]), Buffer.from('scan'), Buffer.from([0xff, 0xd9])]);
  const photo = await t.app.inject({
    method: 'POST', url: `/api/v1/attachments?entity=nominations&entityId=${nominated.mother}`, headers: { ...staff, 'content-type': 'multipart/form-data; boundary=pw-photo' },
    payload: Buffer.concat([Buffer.from('--pw-photo\r\nContent-Disposition: form-data; name="file"; filename="赵美丽-花园镇建设街5号.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'), jpeg, Buffer.from('\r\n--pw-photo--\r\n')]),
  });
  if (photo.statusCode !== 201) throw new Error(`photo → ${photo.statusCode} ${photo.body}`);
  await ok('POST', `/api/v1/campaigns/${campaign.id}/advance`, staff, { to: 'review' });
  for (const n of (await ok('GET', `/api/v1/campaigns/${campaign.id}/nominations`, staff)).items) {
    const reject = n.id === nominated.rejected;
    await ok('POST', `/api/v1/campaigns/${campaign.id}/nominations/${n.id}/review`, staff, reject ? { decision: 'reject', reason: '材料不全' } : { decision: 'accept' });
  }
  await ok('POST', `/api/v1/campaigns/${campaign.id}/advance`, staff, { to: 'voting' });
  ids.campaigns.push(campaign.id);
  // a selection in its 公示 with a phone-verified objection and an answer naming the nominee in full
  const shown = await ok('POST', '/api/v1/campaigns', staff, { name: '最美母亲评选', kind: '巾帼建功标兵', nomineeType: 'person', year: 2026, awardLevel: '县级', votingEnabled: false, juryEnabled: false, quotas: [{ orgId: town.id, quota: 1 }], winnersCount: 1 });
  const shownNom = await ok('POST', `/api/v1/campaigns/${shown.id}/nominations`, staff, { nominatingOrgId: town.id, personId: people.mother.id, deeds: '赵美丽同志孝老爱亲', consent: 'self' });
  await ok('POST', `/api/v1/campaigns/${shown.id}/advance`, staff, { to: 'review' });
  await ok('POST', `/api/v1/campaigns/${shown.id}/nominations/${shownNom.id}/review`, staff, { decision: 'accept' });
  await ok('POST', `/api/v1/campaigns/${shown.id}/advance`, staff, { to: 'publicity' });
  objectionToken = await token('13755559999', 'objection', '10.77.1.3');
  const objection = await ok('POST', `/api/public/campaigns/${shown.id}/objections`, {}, { nomineeId: '001', content: '赵美丽的事迹需要核实', token: objectionToken, name: '周先生' });
  await ok('POST', `/api/v1/campaigns/${shown.id}/objections/${objection.id}/answer`, staff, { answer: '经核实，赵美丽（电话13633334444）事迹属实' });
  ids.campaigns.push(shown.id);

  // wishes: one published, one claimed, one fulfilled
  const wish = async (personId: string, kind: string, title: string, story: string) => {
    const w = await ok('POST', '/api/v1/wishes', staff, { orgId: village.id, personId, beneficiaryKind: kind, title, story, valueYuan: 120 });
    await ok('POST', `/api/v1/wishes/${w.id}/transitions`, staff, { action: 'approve' });
    return { id: w.id as string, code: (await ok('POST', `/api/v1/wishes/${w.id}/transitions`, staff, { action: 'publish' })).code as string };
  };
  const coat = await wish(people.child.id, '儿童', '一件冬衣', '父母在外务工，和奶奶生活，想要一件厚棉衣');
  const books = await wish(people.girl.id, '儿童', '一套课外书', '喜欢读书，想要一套童话书');
  const radio = await wish(people.elder.id, '老人', '一台收音机', '独居，想听戏曲');
  ids.wishes.push(coat.code, books.code, radio.code);
  claimToken = await token('13755556666', 'claim', '10.77.1.1');
  voteToken = await token('13755557777', 'vote', '10.77.1.2');
  await ok('POST', `/api/public/wishes/${books.code}/claim`, {}, { token: claimToken });
  await ok('POST', `/api/public/wishes/${radio.code}/claim`, {}, { token: claimToken });
  const boundary = 'pw-boundary';
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo')]);
  await t.app.inject({
    method: 'POST', url: `/api/v1/attachments?entity=wishes&entityId=${radio.id}`, headers: { ...staff, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  await ok('POST', `/api/v1/wishes/${radio.id}/transitions`, staff, { action: 'deliver', note: '已送到老人家中' });
  await ok('POST', `/api/v1/wishes/${radio.id}/transitions`, staff, { action: 'confirm' });

  // what must never appear: every person's full name (but the one display name published with her consent), phone, ID number, address and school on record
  const rows = await t.sys.db.selectFrom('people').select(['name', 'id_cipher', 'phone_cipher', 'address_cipher', 'note']).execute();
  for (const r of rows) {
    if (r.name !== '赵美丽') secrets.push(r.name);
    secrets.push(t.crypto.decrypt(r.id_cipher));
    if (r.phone_cipher) secrets.push(t.crypto.decrypt(r.phone_cipher));
    if (r.address_cipher) secrets.push(t.crypto.decrypt(r.address_cipher));
    if (r.note) secrets.push(r.note, '花园镇中心小学');
  }
}, 60_000);
afterAll(() => t.close());

/** Realistic calls per route: the path's ids, filters for lists, and a body a phone page would send. */
function callsFor(method: string, path: string): { url: string; payload?: object; headers: Record<string, string> }[] {
  const pool = path.startsWith('/api/public/campaigns') ? ids.campaigns : path.startsWith('/api/public/wishes') ? ids.wishes : [...ids.campaigns, ...ids.wishes];
  const urls = path.includes('{code}') ? pool.flatMap((id) => ['001', '002', '003', '004'].map((code) => path.replace('{id}', id).replace('{code}', code))) : path.includes('{') ? pool.map((id) => path.replace(/\{[^}]+\}/g, id)) : [path];
  const auth = { 'x-public-token': path === '/api/public/my-objections' ? objectionToken : claimToken };
  const bodies: Record<string, object> = {
    '/api/public/otp/send': { phone: '13755558888', purpose: 'claim' },
    '/api/public/otp/verify': { phone: '13755558888', purpose: 'claim', code: '000000' },
    '/api/public/campaigns/{id}/votes': { nomineeId: '001', token: voteToken },
    '/api/public/campaigns/{id}/objections': { nomineeId: '001', content: '对候选人事迹有疑问，请核实', token: objectionToken },
    '/api/public/wishes/{id}/claim': { token: claimToken },
  };
  const queries = method === 'get' && !path.includes('{') ? ['', '?status=claimed', '?status=fulfilled', '?kind=儿童&minYuan=0&maxYuan=200', '?pageSize=50'] : [''];
  return urls.flatMap((url) => queries.map((q) => ({ url: url + q, payload: method === 'get' ? undefined : (bodies[path] ?? {}), headers: auth })));
}

describe('public routes carry no personal data', () => {
  it('answers every /api/public route without a full name, phone, ID number, address or school', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).filter(([p]) => p.startsWith('/api/public/')).flatMap(([p, m]) => Object.keys(m).map((method) => ({ method, path: p })));
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['get /api/public/wishes', 'get /api/public/wishes/{id}', 'post /api/public/wishes/{id}/claim', 'get /api/public/my-claims', 'get /api/public/my-objections', 'get /api/public/campaigns/{id}']));
    expect(secrets).toEqual(expect.arrayContaining(['王小明', '13912345678', '花园村幸福路12号', '花园镇中心小学']));
    const problems: string[] = [];
    const succeeded = new Set<string>();
    let n = 0;
    for (const r of routes) {
      for (const c of callsFor(r.method, r.path)) {
        const res = await call(r.method.toUpperCase(), c.url, c.headers, c.payload, `10.78.${Math.floor(++n / 200)}.${n % 200}`);
        if (res.statusCode < 300) succeeded.add(`${r.method} ${r.path}`);
        const text = res.body + JSON.stringify(res.headers);
        const found = secrets.filter((s) => text.includes(s));
        if (found.length) problems.push(`${r.method.toUpperCase()} ${c.url} → ${res.statusCode} carries ${found.join('、')}`);
      }
    }
    expect(problems).toEqual([]);
    // the walk saw real data: every read, the vote and the claim answered with content
    const reads = routes.filter((r) => r.method === 'get').map((r) => `${r.method} ${r.path}`);
    expect([...succeeded]).toEqual(expect.arrayContaining([...reads, 'post /api/public/campaigns/{id}/votes', 'post /api/public/campaigns/{id}/objections']));
    const board = (await call('GET', '/api/public/wishes?status=claimed', {})).json();
    // the walk's own claim took the coat too
    expect(board.items.map((w: { maskedName: string }) => w.maskedName)).toEqual(['李**', '王**']);
    const campaign = (await call('GET', `/api/public/campaigns/${ids.campaigns[0]}`, {})).json();
    // consented: 赵美丽 by her display name with her photo; the elder consented without one (masked); the child stays masked; the rejected one is absent
    expect(campaign.nominees.map((n: { id: string; name: string }) => `${n.id} ${n.name}`)).toEqual(['001 赵美丽', '002 刘**', '003 李**']);
    expect(campaign.nominees.map((n: { photoUrl: string | null }) => Boolean(n.photoUrl))).toEqual([true, false, false]);
    const photo = await call('GET', campaign.nominees[0].photoUrl, {});
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.includes(Buffer.from('scan'))).toBe(true);
    const mine = (await call('GET', '/api/public/my-objections', { 'x-public-token': objectionToken })).json();
    expect(mine.items).toEqual(expect.arrayContaining([expect.objectContaining({ nomineeId: '001', nomineeName: '赵**', content: '赵**的事迹需要核实', answer: '经核实，赵**（电话136****4444）事迹属实' })]));
  });
});
