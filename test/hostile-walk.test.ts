import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * The hostile walk (issue 11): every route of the OpenAPI document is called with hostile values in
 * every path parameter, query parameter and body field — NUL, 10,000 characters, right-to-left and
 * zero-width characters, numbers at 2³¹ and 2⁵³, dates 0000-01-01 and 9999-12-31, objects where arrays
 * belong and arrays where objects belong. Nothing may answer 5xx, and every refusal is in Chinese.
 * Values are sampled per field (each field gets the values of its kind, NUL and RTL taking turns), the
 * rest of the body is a plausible record, and the ids in the path are real records, so a hostile value
 * reaches the rules and the database rather than stopping at a missing record.
 */
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  nullable?: boolean;
};
type Operation = { parameters?: Array<{ in: string; name: string; schema?: Schema }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let t: TestApp;
let admin: { authorization: string };
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};
/** valid bodies of the routes that create records (the setup's own), so one hostile field is all that is wrong */
const bodies: Record<string, Record<string, unknown>> = {};

const NUL = '甲\u0000乙';
const LONG = '长'.repeat(10_000);
const RTL = '\u202e\u200b乙镇\u200d\u2066妇联\u200f\ufeff';
const DATES = ['0000-01-01', '9999-12-31'];
const NUMBERS = [2 ** 31, 2 ** 53];
const chinese = /[\u4e00-\u9fff]/;
const dateLike = (name: string) => /(On|Date|At)$|^(from|to|date|since|until)$/.test(name);

async function post(url: string, payload: object, headers = admin): Promise<{ id: string }> {
  const res = await t.app.inject({ method: 'POST', url, headers, payload });
  if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'HW-COUNTY', name: '某县妇联', kind: 'womens_federation' });
  const town = await buildUnit(t.sys, { code: 'HW-TOWN', name: '某镇妇联', kind: 'womens_federation', parentId: county.id });
  admin = (await t.userWith('sysadmin', null, 'hw-admin')).headers;
  const person = await post('/api/v1/people', { name: '王秀英', idNumber: buildIdNumber({ gender: '女', birthDate: '1985-03-08' }), phone: '13912345678', orgId: town.id, categories: ['妇女'] });
  const child = await post('/api/v1/people', { name: '李小花', idNumber: buildIdNumber({ birthDate: '2015-05-05' }), orgId: town.id });
  const household = await post('/api/v1/households', { name: '王秀英户', orgId: town.id, headPersonId: person.id, members: [{ personId: person.id, relation: '户主' }] });
  const user = await post('/api/v1/users', { username: 'hw-staff', displayName: '某镇干事', password: 'Hostile-pass-2026', grants: [{ role: 'staff', orgId: town.id }] });
  const activity = await post('/api/v1/activities', { name: '普法宣讲', type: '宣讲', startOn: '2026-03-08', participants: 12, orgId: town.id });
  const assistance = await post('/api/v1/assistance', { personId: person.id, program: '送温暖', amountYuan: 300, givenOn: '2026-01-20', orgId: town.id });
  const product = await post('/api/v1/loan-products', { name: '创业担保贷款', ratePct: 4.35, subsidyPct: 100, termMonths: 24, orgId: town.id });
  const loan = await post('/api/v1/loans', { personId: person.id, principalWan: 5, productId: product.id, disbursedOn: '2026-02-01', orgId: town.id });
  const contract = await post('/api/v1/contracts', { enterprise: '某公司', type: '综合', signedOn: '2026-04-01', workers: 50, orgId: town.id });
  const theCase = await post('/api/v1/cases', { kind: '信访', channel: '来访', summary: '反映邻里纠纷', orgId: town.id, parties: [{ name: '张某', role: '申请人' }] });
  const target = await post('/api/v1/targets', { orgId: town.id, year: 2026, metric: 'loans.amount', value: 100, title: '贷款目标' });
  const template = await post('/api/v1/report-templates', { orgId: town.id, name: '年度模板', kind: 'annual', body: '# 报告\n正文{{loans.amount}}万元。' });
  const pairing = await post('/api/v1/pairings', { orgId: town.id, helperKind: 'unit', helperOrgId: town.id, helperRole: '巾帼文明岗', helpedKind: 'person', helpedPersonId: person.id, helpedRole: '单亲困难母亲', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-03-01' });
  const team = await post('/api/v1/volunteer-teams', { orgId: town.id, name: '巾帼志愿队' });
  await post(`/api/v1/volunteer-teams/${team.id}/members`, { personId: person.id, joinedOn: '2026-01-01' });
  const service = await post('/api/v1/volunteer-services', { teamId: team.id, personId: person.id, servedOn: '2026-03-01', hours: 2, activity: '敬老服务' });
  const wish = await post('/api/v1/wishes', { orgId: town.id, personId: child.id, beneficiaryKind: '儿童', title: '一套课外书', story: '想读更多的书', valueYuan: 150 });
  const screening = await post('/api/v1/screenings', { title: '留守儿童排查', year: 2026, startOn: '2026-06-01', endOn: '2026-06-30', orgId: town.id, townshipIds: [town.id] });
  const screened = await post(`/api/v1/screenings/${screening.id}/children`, { orgId: town.id, person: { name: '赵小丽', idNumber: buildIdNumber({ birthDate: '2016-04-04' }) }, guardian: '孤儿' }, (await t.userWith('case_worker', town.id, 'hw-cw')).headers);
  const campaign = await post('/api/v1/campaigns', { orgId: county.id, name: '最美家庭评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: town.id, quota: 1 }] });
  const nomination = await post(`/api/v1/campaigns/${campaign.id}/nominations`, { nominatingOrgId: town.id, unitId: town.id, deeds: '事迹材料' });
  const designation = await post(`/api/v1/orgs/${town.id}/designations`, { title: '巾帼文明岗', level: '县级', year: 2026 });
  const idNumber = buildIdNumber({ gender: '女', birthDate: '1990-01-01' });
  Object.assign(bodies, {
    'POST /api/v1/orgs': { code: 'HW-NEW', name: '某村妇联', kind: 'womens_branch', parentId: town.id },
    'POST /api/v1/people': { name: '刘芳', idNumber, phone: '13712345678', orgId: town.id, categories: ['妇女'] },
    'POST /api/v1/households': { name: '刘芳户', orgId: town.id, headPersonId: person.id, members: [{ personId: person.id, relation: '户主' }] },
    'POST /api/v1/users': { username: 'hw-new', displayName: '新用户', password: 'Hostile-pass-2026', grants: [{ role: 'staff', orgId: town.id }] },
    'POST /api/v1/activities': { name: '巾帼宣讲', type: '宣讲', startOn: '2026-03-09', participants: 30, orgId: town.id, outcomes: [{ name: '成果', value: 1, unit: '个' }] },
    'POST /api/v1/assistance': { personId: person.id, program: '送温暖', amountYuan: 200, givenOn: '2026-01-21', orgId: town.id },
    'POST /api/v1/loan-products': { name: '新贷款产品', ratePct: 4.35, subsidyPct: 100, termMonths: 24, orgId: town.id },
    'POST /api/v1/loans': { personId: person.id, principalWan: 3, disbursedOn: '2026-02-02', orgId: town.id, bank: '某银行' },
    'POST /api/v1/contracts': { enterprise: '某新公司', type: '综合', signedOn: '2026-04-02', workers: 20, orgId: town.id },
    'POST /api/v1/cases': { kind: '信访', channel: '来访', summary: '反映家庭纠纷', orgId: town.id, parties: [{ name: '李某', role: '申请人' }] },
    'POST /api/v1/targets': { orgId: town.id, year: 2027, metric: 'loans.amount', value: 100, title: '新目标' },
    'POST /api/v1/report-templates': { orgId: town.id, name: '新模板', kind: 'annual', body: '# 报告\n正文{{loans.amount}}万元。' },
    'POST /api/v1/pairings': { orgId: town.id, helperKind: 'unit', helperOrgId: town.id, helperRole: '巾帼文明岗', helpedKind: 'person', helpedPersonId: child.id, helpedRole: '留守儿童', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-03-02' },
    'POST /api/v1/pairings/{id}/visits': { visitedOn: '2026-04-01', kind: '走访', note: '走访记录' },
    'POST /api/v1/volunteer-teams': { orgId: town.id, name: '新志愿队' },
    'POST /api/v1/volunteer-teams/{id}/members': { personId: child.id, joinedOn: '2026-01-02' },
    'POST /api/v1/volunteer-services': { teamId: team.id, personId: person.id, servedOn: '2026-03-02', hours: 2, activity: '助老服务' },
    'POST /api/v1/wishes': { orgId: town.id, personId: child.id, beneficiaryKind: '儿童', title: '一个书包', story: '想要新书包', valueYuan: 80 },
    'POST /api/v1/screenings': { title: '新排查', year: 2026, startOn: '2026-07-01', endOn: '2026-07-30', orgId: town.id, townshipIds: [town.id] },
    'POST /api/v1/campaigns': { orgId: county.id, name: '新评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: town.id, quota: 1 }] },
    'POST /api/v1/orgs/{id}/designations': { title: '三八红旗集体', level: '县级', year: 2026 },
    'POST /api/v1/loans/{id}/repayments': { paidOn: '2026-05-01', amountYuan: 1000 },
  });
  // the record a path's first segment names, for its {id}
  Object.assign(ids, {
    orgs: town.id, people: person.id, households: household.id, users: user.id, activities: activity.id, assistance: assistance.id, loans: loan.id, contracts: contract.id,
    cases: theCase.id, targets: target.id, 'report-templates': template.id, pairings: pairing.id, 'volunteer-teams': team.id, 'volunteer-services': service.id, wishes: wish.id,
    screenings: screening.id, 'screening-children': screened.id, campaigns: campaign.id, designations: designation.id, dashboard: town.id,
  });
  // plausible values of fields and parameters named like references
  Object.assign(refs, {
    orgId: town.id, parentId: county.id, nominatingOrgId: town.id, unitId: town.id, helperOrgId: town.id, orgCode: 'HW-TOWN', personId: person.id, headPersonId: person.id,
    helpedPersonId: person.id, helperPersonId: person.id, householdId: household.id, helpedHouseholdId: household.id, teamId: team.id, productId: product.id,
    nominationId: nomination.id, catalog: 'activity_type', kind: 'assistance', code: 'loans.amount', metric: 'loans.amount', version: '1', idNumber: buildIdNumber({ gender: '女' }),
    phone: '13812345678', password: 'Hostile-pass-2026', username: 'hw-new-user', year: '2026',
  });
});
afterAll(() => t.close());

function variants(s: Schema | undefined): Schema[] {
  if (!s) return [];
  return [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
}
function typeOf(s: Schema | undefined): string {
  if (!s) return 'unknown';
  if (s.enum) return 'enum';
  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((x): x is string => !!x && x !== 'null');
  if (types.length) return types[0];
  if (s.properties) return 'object';
  const v = variants(s).map(typeOf).filter((x) => x !== 'unknown');
  return v.includes('number') && v.includes('string') ? 'amount' : (v[0] ?? 'unknown');
}
function objectSchema(s: Schema | undefined): Schema | undefined {
  if (s?.properties) return s;
  return variants(s).find((v) => v.properties);
}
function itemSchema(s: Schema | undefined): Schema | undefined {
  return s?.items ?? variants(s).find((v) => v.items)?.items;
}

/** A plausible value for a field: its reference, a date, the first choice, the smallest number. */
function plausible(name: string, s: Schema | undefined, depth = 0): unknown {
  if (refs[name] !== undefined) return refs[name];
  if (dateLike(name)) return '2026-03-08';
  const type = typeOf(s);
  if (type === 'enum') return s?.enum?.find((e) => e !== null) ?? variants(s).flatMap((v) => v.enum ?? [])[0];
  if (type === 'string') return '测试'.padEnd(Math.max(s?.minLength ?? 0, 2), '试');
  if (type === 'number' || type === 'integer' || type === 'amount') return Math.max(s?.minimum ?? 1, 1);
  if (type === 'boolean') return false;
  if (type === 'array') return (s?.minItems ?? 0) > 0 && depth < 3 ? [plausible(name, itemSchema(s), depth + 1)] : [];
  if (type === 'object' && depth < 3) return plausibleObject(objectSchema(s), depth + 1);
  return undefined;
}
function plausibleObject(s: Schema | undefined, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s?.properties ?? {})) {
    if (s?.required?.includes(k) || refs[k] !== undefined) out[k] = plausible(k, v, depth);
  }
  return out;
}

let turn = 0;
/** The hostile values tried for one field, by its kind; NUL and RTL take turns where both apply. */
function hostile(name: string, s: Schema | undefined, inPath = false): unknown[] {
  const other = turn++ % 2 === 0 ? NUL : RTL;
  if (inPath) return [NUL, LONG, RTL, String(2 ** 31), DATES[turn % 2]];
  const type = typeOf(s);
  if (dateLike(name)) return [...DATES, other];
  if (type === 'string' || type === 'enum' || type === 'unknown') return [LONG, other];
  if (type === 'number' || type === 'integer') return NUMBERS;
  if (type === 'amount') return [...NUMBERS, '21474836.48', other];
  if (type === 'boolean') return [other];
  if (type === 'array') return [{ 0: other }, [other]];
  if (type === 'object') return [[other]];
  return [other];
}
const asQuery = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v));

interface Call {
  method: Method;
  url: string;
  query?: Record<string, string>;
  payload?: unknown;
  what: string;
}

function callsFor(path: string, method: Method, op: Operation): Call[] {
  const segment = path.split('/')[3] ?? '';
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const real = (p: string) => (p === 'id' ? ids[segment] : refs[p]) ?? 'hw-none';
  const url = (over?: [string, string]) => path.replace(/\{([^}]+)\}/g, (_m, p: string) => encodeURIComponent(over && over[0] === p ? over[1] : real(p)));
  const calls: Call[] = [];
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const base = bodies[`${method} ${path}`] ?? (bodySchema ? (typeOf(bodySchema) === 'object' ? plausibleObject(objectSchema(bodySchema)) : plausible('body', bodySchema)) : undefined);
  for (const p of params) for (const v of hostile(p, undefined, true)) calls.push({ method, url: url([p, v as string]), payload: base, what: `path ${p}=${String(v).slice(0, 12)}` });
  for (const q of op.parameters?.filter((x) => x.in === 'query') ?? []) {
    for (const v of hostile(q.name, q.schema)) calls.push({ method, url: url(), query: { [q.name]: asQuery(v) }, payload: base, what: `query ${q.name}=${asQuery(v).slice(0, 12)}` });
  }
  const props = objectSchema(bodySchema)?.properties;
  if (props && base && typeof base === 'object') {
    calls.push({ method, url: url(), payload: [base], what: 'body as an array' });
    for (const [k, s] of Object.entries(props)) {
      for (const v of hostile(k, s)) calls.push({ method, url: url(), payload: { ...base, [k]: v }, what: `body ${k}=${JSON.stringify(v).slice(0, 12)}` });
      // an array of objects: each field of one item, in turn
      const item = objectSchema(itemSchema(s));
      if (typeOf(s) === 'array' && item?.properties) {
        const itemBase = plausibleObject(item);
        for (const [ik, is] of Object.entries(item.properties)) {
          for (const v of hostile(ik, is)) calls.push({ method, url: url(), payload: { ...base, [k]: [{ ...itemBase, [ik]: v }] }, what: `body ${k}.0.${ik}=${JSON.stringify(v).slice(0, 12)}` });
        }
      }
    }
  }
  return calls;
}

async function walk(): Promise<{ problems: string[]; calls: number; routes: Set<string>; statuses: Record<number, number> }> {
  const spec = (await t.app.inject({ url: '/api/openapi.json', headers: admin })).json() as { paths: Record<string, Record<string, Operation>> };
  // the caller's own session and password stay as they are: the walk must go on as the same user
  const skip = new Set(['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/password']);
  const all: Call[] = [];
  const routes = new Set<string>();
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (skip.has(path)) continue;
    for (const [m, op] of Object.entries(methods)) {
      routes.add(`${m.toUpperCase()} ${path}`);
      all.push(...callsFor(path, m.toUpperCase() as Method, op));
    }
  }
  // deletions last, so the records stay for the other routes
  all.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const problems: string[] = [];
  const statuses: Record<number, number> = {};
  for (const c of all) {
    const res = await t.app.inject({ method: c.method, url: c.url, query: c.query, headers: admin, payload: c.method === 'GET' ? undefined : (c.payload as object) });
    const where = `${c.method} ${c.url.slice(0, 80)} [${c.what}]`;
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    if (res.statusCode >= 500) problems.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    else if (res.statusCode >= 400) {
      const message = (res.json() as { error?: { message?: string } }).error?.message ?? '';
      if (!chinese.test(message)) problems.push(`${where} → ${res.statusCode} without a Chinese message: ${res.body.slice(0, 200)}`);
    }
  }
  return { problems, calls: all.length, routes, statuses };
}

describe('hostile walk over the OpenAPI document', () => {
  it('answers no 5xx and refuses in Chinese, for every route and every parameter and field', async () => {
    const { problems, calls, routes, statuses } = await walk();
    expect(problems).toEqual([]);
    expect(routes.size).toBeGreaterThanOrEqual(150);
    expect(calls).toBeGreaterThan(routes.size * 3);
    // the walk reached the rules and the database: hostile values refused, and lawful odd text (RTL, zero-width) written
    expect(statuses[400]).toBeGreaterThan(calls / 2);
    expect(statuses[201]).toBeGreaterThanOrEqual(10);
  }, 300_000);
});
