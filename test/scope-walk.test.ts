import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from './factories';
import { type ARecords, buildNested, combinations } from './scope-walk-nested';
import { createTestApp, type TestApp } from './test-app';

/**
 * The scope test: every route in the OpenAPI document is called by a user of township B (holding
 * every non-global role there) with the ids, codes and names of township A's records. No response
 * may carry anything of A, every read of an A record is 404, and no write lands in A.
 */
let t: TestApp;
const secretsA: string[] = [];
const idsA: string[] = [];
let townA: { id: string; code: string };
let townB: { id: string; code: string };
let headersB: { authorization: string };
let personAId: string;
const unitsA: string[] = [];
let nestedOfA: ARecords;
let adminHeaders: { authorization: string };
/**
 * B's audit entries in A's units: every write leaves one, so none may appear — except the record of B's
 * refused attempts on A's confidential cases, which is kept in the case's unit's log on purpose.
 */
const deniedAttempts = ['read_case_denied', 'write_case_denied', 'case_denied_throttled'];
const writesOfB = () =>
  t.database.db.selectFrom('audit_log').select(['seq', 'action']).where('actor_name', '=', 'sw-user-b').where('org_id', 'in', unitsA).where('action', 'not in', deniedAttempts).execute();

async function post(url: string, headers: object, payload: object) {
  const res = await t.app.inject({ method: 'POST', url, headers: headers as Record<string, string>, payload });
  if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  // the walk sends thousands of requests as one user within one frozen minute: the per-user budget is not what it tests
  t = await createTestApp({ config: { apiRatePerMinute: 1_000_000 } });
  const county = await buildUnit(t.sys, { code: 'SW-COUNTY', name: '某县委', kind: 'party_committee' });
  townA = await buildUnit(t.sys, { code: 'SW-A', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'SW-B', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  const villageA = await buildUnit(t.sys, { code: 'SW-A-V1', name: '甲镇一村妇联', kind: 'womens_branch', parentId: townA.id });
  const adminA = await t.userWith('sysadmin', null, 'sw-admin');
  const h = adminA.headers;
  const designation = await post(`/api/v1/orgs/${townA.id}/designations`, h, { title: '甲镇专属荣誉', level: '县级', year: 2026 });
  const idNumber = buildIdNumber({ gender: '女' });
  const person = await post('/api/v1/people', h, { name: '甲镇秘密人', idNumber, phone: '13912345678', orgId: villageA.id, categories: ['妇女'] });
  personAId = person.id;
  const household = await post('/api/v1/households', h, { name: '甲镇秘密户', orgId: villageA.id, headPersonId: person.id, members: [{ personId: person.id, relation: '户主' }] });
  const userA = await post('/api/v1/users', h, { username: 'sw-user-a', displayName: '甲镇秘密用户', password: 'Secret-pass-2026', grants: [{ role: 'staff', orgId: townA.id }] });
  // one record of each ledger, with its catalogue entry, loan product and an attachment
  const catalogItem = await post('/api/v1/catalogs/activity_type', h, { name: '甲镇秘密类型', orgId: townA.id });
  const activity = await post('/api/v1/activities', h, {
    name: '甲镇秘密活动', type: '甲镇秘密类型', startOn: '2026-03-08', participants: 12, orgId: villageA.id, outcomes: [{ name: '甲镇秘密成果', value: 3, unit: '个' }],
  });
  const assistance = await post('/api/v1/assistance', h, { personId: person.id, program: '送温暖', amountYuan: 321, givenOn: '2026-01-20', funder: '甲镇秘密资助方', orgId: villageA.id });
  const product = await post('/api/v1/loan-products', h, { name: '甲镇秘密贷款产品', ratePct: 4.35, subsidyPct: 100, termMonths: 24, orgId: townA.id });
  const loan = await post('/api/v1/loans', h, { personId: person.id, principalWan: 5, productId: product.id, disbursedOn: '2026-02-01', venture: '甲镇秘密创业项目', orgId: villageA.id });
  const contract = await post('/api/v1/contracts', h, { enterprise: '甲镇秘密企业', type: '综合', signedOn: '2026-04-01', workers: 50, orgId: townA.id });
  // cases: one ordinary, one confidential (家庭暴力)
  const caseA = await post('/api/v1/cases', h, { kind: '信访', channel: '来访', summary: '甲镇秘密信访摘要', orgId: townA.id, parties: [{ name: '甲镇秘密当事人', role: '申请人' }] });
  const dvCaseA = await post('/api/v1/cases', h, { kind: '家庭暴力', channel: '来电', summary: '甲镇秘密家暴摘要', warningNo: '甲镇秘密告诫书', orgId: townA.id, parties: [{ personId: person.id, role: '当事人' }] });
  const target = await post('/api/v1/targets', h, { orgId: townA.id, year: 2026, metric: 'loans.amount', value: 100, title: '甲镇秘密目标' });
  const reportTemplate = await post('/api/v1/report-templates', h, { orgId: townA.id, name: '甲镇秘密模板', kind: 'annual', body: '# 甲镇秘密报告\n甲镇秘密正文{{loans.amount}}万元。' });
  const boundary = 'scope-walk-boundary';
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('甲镇秘密附件内容')]);
  const file = await t.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?entity=activities&entityId=${activity.id}`,
    headers: { ...h, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jia-secret.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  if (file.statusCode !== 201) throw new Error(`attachment → ${file.statusCode} ${file.body}`);
  const ledgerIds = [catalogItem.id, activity.id, assistance.id, product.id, loan.id, contract.id, file.json().id as string, target.id];
  unitsA.push(county.id, townA.id, villageA.id);
  idsA.push(county.id, townA.id, villageA.id, designation.id, person.id, household.id, userA.id, ...ledgerIds);
  secretsA.push(...idsA, 'SW-A', 'SW-A-V1', 'SW-COUNTY', '甲镇', '甲镇秘密人', '甲镇秘密户', '甲镇秘密用户', 'sw-user-a', idNumber.slice(-4) + '"');
  secretsA.push('甲镇秘密活动', '甲镇秘密类型', '甲镇秘密成果', '甲镇秘密资助方', '甲镇秘密贷款产品', '甲镇秘密创业项目', '甲镇秘密企业', 'jia-secret.png', '甲镇秘密目标');
  idsA.push(caseA.id, dvCaseA.id);
  secretsA.push(caseA.id, dvCaseA.id, '甲镇秘密信访摘要', '甲镇秘密家暴摘要', '甲镇秘密告诫书', '甲镇秘密当事人');
  // a screening campaign (摸底排查) over township A with one child recorded by A's case worker
  const cwA = await t.userWith('case_worker', townA.id, 'sw-cw-a');
  const screening = await post('/api/v1/screenings', h, { title: '甲镇秘密排查', year: 2026, startOn: '2026-06-01', endOn: '2026-06-30', orgId: townA.id, townshipIds: [townA.id] });
  const screened = await post(`/api/v1/screenings/${screening.id}/children`, cwA.headers, { orgId: townA.id, person: { name: '甲镇秘密儿童', idNumber: buildIdNumber({ birthDate: '2015-05-05' }) }, guardian: '孤儿', notes: '甲镇秘密排查说明' });
  idsA.push(screening.id, screened.id);
  secretsA.push(screening.id, screened.id, '甲镇秘密排查', '甲镇秘密儿童', '甲镇秘密排查说明');
  idsA.push(reportTemplate.id);
  secretsA.push(reportTemplate.id, '甲镇秘密模板', '甲镇秘密报告', '甲镇秘密正文');
  const caseFile = await t.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?entity=cases&entityId=${caseA.id}`,
    headers: { ...h, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jia-case-secret.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  if (caseFile.statusCode !== 201) throw new Error(`case attachment → ${caseFile.statusCode} ${caseFile.body}`);
  idsA.push(caseFile.json().id as string);
  secretsA.push(caseFile.json().id as string, 'jia-case-secret.png');

  // pairings, volunteers and micro-wishes of township A
  const pairing = await post('/api/v1/pairings', h, { orgId: villageA.id, helperKind: 'unit', helperOrgId: townA.id, helperRole: '巾帼文明岗', helpedKind: 'person', helpedPersonId: person.id, helpedRole: '单亲困难母亲', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-03-01', note: '甲镇秘密结对备注' });
  await post(`/api/v1/pairings/${pairing.id}/visits`, h, { visitedOn: '2026-04-01', kind: '走访', note: '甲镇秘密走访记录' });
  const team = await post('/api/v1/volunteer-teams', h, { orgId: townA.id, name: '甲镇秘密志愿队' });
  await post(`/api/v1/volunteer-teams/${team.id}/members`, h, { personId: person.id, joinedOn: '2026-01-01' });
  const service = await post('/api/v1/volunteer-services', h, { teamId: team.id, personId: person.id, servedOn: '2026-03-01', hours: 2, activity: '甲镇秘密服务' });
  const wishA = await post('/api/v1/wishes', h, { orgId: villageA.id, personId: person.id, beneficiaryKind: '妇女', title: '甲镇秘密心愿', story: '想要一台缝纫机', valueYuan: 150 });
  idsA.push(pairing.id, team.id, service.id, wishA.id);
  secretsA.push(pairing.id, team.id, service.id, wishA.id, '甲镇秘密结对备注', '甲镇秘密走访记录', '甲镇秘密志愿队', '甲镇秘密服务', '甲镇秘密心愿');
  // a notice (通知公告) of township A to its village, published and read there
  const noticeA = await post('/api/v1/notices', h, { orgId: townA.id, title: '甲镇秘密通知', bodyHtml: '<p>甲镇秘密通知正文</p>', recipientMode: 'units', recipientOrgIds: [villageA.id], needSign: true });
  await post(`/api/v1/notices/${noticeA.id}/publish`, h, {});
  idsA.push(noticeA.id);
  secretsA.push(noticeA.id, '甲镇秘密通知', '甲镇秘密通知正文');
  // a selection (评选) organized by township A, with one nomination
  const campaignA = await post('/api/v1/campaigns', h, { orgId: townA.id, name: '甲镇秘密评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: villageA.id, quota: 1 }] });
  const nominationA = await post(`/api/v1/campaigns/${campaignA.id}/nominations`, h, { nominatingOrgId: villageA.id, unitId: villageA.id, deeds: '甲镇秘密事迹' });
  idsA.push(campaignA.id, nominationA.id);
  secretsA.push(campaignA.id, nominationA.id, '甲镇秘密评选', '甲镇秘密事迹');

  // B holds every non-global role on township B, and has data of its own
  const userB = await t.userWith('org_admin', townB.id, 'sw-user-b');
  for (const role of ['staff', 'case_worker', 'leader', 'viewer'] as const) {
    await t.database.db.insertInto('user_grants').values({ id: `g-${role}`, user_id: userB.id, role, org_id: townB.id, created_at: new Date().toISOString() }).execute();
  }
  headersB = userB.headers;
  await post('/api/v1/people', headersB, { name: '乙镇居民', idNumber: buildIdNumber(), orgId: townB.id });
  nestedOfA = {
    county: county.id, townA: townA.id, villageA: villageA.id, personA: person.id, householdA: household.id, templateA: reportTemplate.id, screeningA: screening.id, campaignA: campaignA.id, nominationA: nominationA.id,
  };
  adminHeaders = h;
});
afterAll(() => t.close());

function leaks(body: string): string[] {
  return secretsA.filter((s) => body.includes(s));
}

describe('scope guard on every route', () => {
  it('answers no record of another township on any route of the OpenAPI document', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const skip = new Set(['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/password']);
    const before = (await writesOfB()).length;
    const visited: string[] = [];
    const problems: string[] = [];
    const bodyWithA = {
      orgId: townA.id, orgCode: townA.code, parentId: townA.id, parentCode: townA.code, personId: personAId, headPersonId: personAId,
      name: '越权写入', code: 'SW-SNEAK', kind: 'other', title: '越权荣誉', level: '县级', year: 2026, idNumber: buildIdNumber(),
      username: 'sw-sneak', displayName: '越权', password: 'Sneaky-pass-2026', grants: [{ role: 'staff', orgId: townA.id }],
      relation: '户主', members: [{ personId: personAId, relation: '户主' }], disabled: true,
      decision: 'accept', reason: '越权审核', score: 90, answer: '越权答复', found: 0,
    };
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (skip.has(path) || path.startsWith('/api/public/') || path === '/api/health' || path === '/api/clock') continue;
      for (const method of Object.keys(methods)) {
        const hasParams = path.includes('{');
        const targets = hasParams ? idsA : [null];
        for (const id of targets) {
          const url = `${hasParams ? path.replace(/\{[^}]+\}/g, id as string) : path}?orgId=${townA.id}&parentId=${townA.id}&q=甲镇`;
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers: headersB, payload: method === 'get' || method === 'delete' ? undefined : bodyWithA });
          visited.push(`${method} ${path}`);
          const found = leaks(res.body);
          if (res.statusCode < 300 && found.length) problems.push(`${method.toUpperCase()} ${url} → ${res.statusCode} leaks ${found.join(', ')}`);
          if (hasParams && res.statusCode < 300) problems.push(`${method.toUpperCase()} ${url} → ${res.statusCode} (expected 404 for a record of another township)`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(visited).size).toBeGreaterThanOrEqual(10);
    // every /api/v1 path with parameters was walked (a new route cannot slip past)
    const withParams = Object.keys(spec.paths).filter((p) => p.startsWith('/api/v1/') && p.includes('{'));
    expect(withParams.filter((p) => !visited.some((v) => v.endsWith(` ${p}`)))).toEqual([]);
    // nothing B did during the walk landed in A's subtree (every write leaves an audit entry)
    expect((await writesOfB()).length).toBe(before);
    // hundreds of routes × every id of A: well past the default 30 s on a loaded machine with PostgreSQL
  }, 300_000);

  it('待办: B, holding every role on its own township, never sees a to-do of A, while A’s are real to-dos', async () => {
    const ofA = (await t.app.inject({ url: '/api/v1/todo?limit=100', headers: adminHeaders })).json() as { groups: { items: { id: string; title: string }[] }[] };
    const aIds = ofA.groups.flatMap((g) => g.items.map((i) => i.id));
    // A's submitted wish and its campaign's unreviewed nomination are to-dos for A's administrator
    expect(aIds.filter((id) => idsA.includes(id)).length).toBeGreaterThanOrEqual(2);
    for (const url of ['/api/v1/todo?limit=100', '/api/v1/todo/count']) {
      const res = await t.app.inject({ url, headers: headersB });
      expect(res.statusCode).toBe(200);
      expect(leaks(res.body)).toEqual([]);
    }
    const ofB = (await t.app.inject({ url: '/api/v1/todo?limit=100', headers: headersB })).json() as { total: number; groups: { items: { id: string }[] }[] };
    expect(ofB.groups.flatMap((g) => g.items.map((i) => i.id)).filter((id) => aIds.includes(id))).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/todo/count', headers: headersB })).json().total).toBe(ofB.total);
  });

  it('refuses B parents with A children, and A parents with B children, on every route with two or more parameters', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    // B's own parent records (and a county campaign with a quota for each township, where B legitimately sees the
    // county's id as the organizer: hence built after the first walk, which counts that id as A's)
    const nested = await buildNested(t, adminHeaders, headersB, townB.id, nestedOfA);
    secretsA.push(...nested.secretsA);
    const before = (await writesOfB()).length;
    const problems: string[] = [];
    for (const url of nested.sanityB) {
      const res = await t.app.inject({ url, headers: headersB });
      if (res.statusCode !== 200) problems.push(`B's own GET ${url} → ${res.statusCode} (the fixture of B must be real)`);
    }
    const body = { orgId: townA.id, personId: personAId, decision: 'accept', reason: '越权审核', score: 90, comment: '越权评语', answer: '越权答复', found: 0 };
    const missing: string[] = [];
    const nestedPaths: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/v1/') || (path.match(/\{/g) ?? []).length < 2) continue;
      nestedPaths.push(path);
      const { missing: m, combos } = combinations(path, nested.pools);
      missing.push(...m);
      for (const method of Object.keys(methods)) {
        const write = method !== 'get' && method !== 'delete';
        let childRefused = 0;
        for (const { url, bParentAChild } of combos) {
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers: headersB, payload: write ? body : undefined });
          calls++;
          const found = leaks(res.body);
          if (found.length) problems.push(`${method.toUpperCase()} ${url} → ${res.statusCode} leaks ${found.join(', ')}`);
          // a read answers 404; a write may be refused earlier (stage, organizer only) but never succeeds
          if (write ? res.statusCode < 400 || res.statusCode >= 500 : res.statusCode !== 404) problems.push(`${method.toUpperCase()} ${url} → ${res.statusCode} ${res.body.slice(0, 120)} (it touches a record of another township)`);
          if (bParentAChild && res.statusCode === 404) childRefused++;
        }
        // at least one of B's parents was ready for the call, so A's child itself was looked up and refused
        if (combos.some((c) => c.bParentAChild) && !childRefused) problems.push(`${method.toUpperCase()} ${path}: no (B parent, A child) call reached the child (fixture of B not ready for it)`);
      }
    }
    // reads of a parent B shares with A show none of A's children (the shared parent itself may name A's unit, e.g. its quota)
    for (const [path, methods] of Object.entries(spec.paths)) {
      const shared = nested.shared[path.split('/')[3]];
      if (!shared || !methods.get || (path.match(/\{/g) ?? []).length !== 1) continue;
      const res = await t.app.inject({ url: path.replace(/\{[^}]+\}/, shared), headers: headersB });
      calls++;
      const found = nested.secretsA.filter((x) => res.body.includes(x));
      if (found.length) problems.push(`GET ${path} of a shared parent → ${res.statusCode} leaks ${found.join(', ')}`);
    }
    // B's own parent with A's child in the body: refused (404, or 422 naming the field), never a validation slip (400)
    for (const { method, url, payload } of nested.bodyAttacks) {
      const res = await t.app.inject({ method, url, headers: headersB, payload });
      calls++;
      // an error may name the id the caller sent; anything else of A is a leak
      const found = leaks(res.body).filter((x) => !JSON.stringify(payload).includes(x));
      if (found.length || res.statusCode < 401 || res.statusCode >= 500) problems.push(`${method} ${url} ${JSON.stringify(payload).slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    // a new nested route needs its parameters in the pools of scope-walk-nested.ts
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
    expect(nestedPaths.length).toBeGreaterThanOrEqual(6);
    expect(calls).toBeGreaterThanOrEqual(nestedPaths.length * 3);
    expect((await writesOfB()).length).toBe(before);
  }, 120_000);
});
