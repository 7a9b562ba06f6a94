import type { TestApp } from './test-app';
import { buildIdNumber } from './factories';
import { lastOtpCode } from '../src/server/modules/otp/otp.routes';

/**
 * The nested half of the scope walk (test/scope-walk.test.ts): township B's own parent records and
 * the parameter pools for every route with two or more path parameters, so the walk can call
 * B's parent with A's child and A's parent with B's child (the realistic attack), not only A with A.
 */
type Headers = { authorization: string };
/** the values a path parameter takes: `a` are records of township A, `b` of township B (or neutral, e.g. a version number) */
export interface Pool {
  a: string[];
  b: string[];
}
export interface NestedFixture {
  /** keyed `<resource>:<param>`, e.g. `campaigns:nominationId` */
  pools: Record<string, Pool>;
  /** secrets of the extra A records made here */
  secretsA: string[];
  /** per resource, a parent B shares with A (county-level, quotas or townships for both): its reads must not show A's children */
  shared: Record<string, string>;
  /** B's own parent with A's child in the body (routes with one parameter whose child comes in the payload): each must be refused */
  bodyAttacks: { method: 'POST'; url: string; payload: object }[];
  /** GET urls that must answer 200 for B (proves B's parents are real, so a 404 means the child was refused) */
  sanityB: string[];
}
export interface ARecords {
  county: string;
  townA: string;
  villageA: string;
  personA: string;
  householdA: string;
  templateA: string;
  screeningA: string;
  campaignA: string;
  nominationA: string;
}

export async function buildNested(t: TestApp, admin: Headers, userB: Headers, townB: string, a: ARecords): Promise<NestedFixture> {
  const call = async (method: 'POST' | 'PUT', url: string, headers: Headers | undefined, payload: object) => {
    const res = await t.app.inject({ method, url, headers, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; items?: { id: string }[] };
  };
  const post = (url: string, headers: Headers | undefined, payload: object) => call('POST', url, headers, payload);
  // households: B's own household with B's own member
  const personB = await post('/api/v1/people', userB, { name: '乙镇户主', idNumber: buildIdNumber(), orgId: townB });
  const householdB = await post('/api/v1/households', userB, { name: '乙镇一户', orgId: townB, headPersonId: personB.id, members: [{ personId: personB.id, relation: '户主' }] });
  // report templates: B's own template (version 1)
  const templateB = await post('/api/v1/report-templates', userB, { orgId: townB, name: '乙镇模板', kind: 'annual', body: '# 乙镇报告\n正文{{loans.amount}}万元。' });
  // screenings: one of B over B, and one of the county over A and B (a parent both townships share)
  const screeningB = await post('/api/v1/screenings', userB, { title: '乙镇排查', year: 2026, startOn: '2026-06-01', endOn: '2026-06-30', orgId: townB, townshipIds: [townB] });
  const screeningCounty = await post('/api/v1/screenings', admin, { title: '全县排查', year: 2026, startOn: '2026-06-01', endOn: '2026-06-30', orgId: a.county, townshipIds: [a.townA, townB] });
  const cwA = await t.userWith('case_worker', a.townA, 'sw-cw-a-county');
  const childA = await post(`/api/v1/screenings/${screeningCounty.id}/children`, cwA.headers, { orgId: a.townA, person: { name: '甲镇秘密县级儿童', idNumber: buildIdNumber({ birthDate: '2016-06-06' }) }, guardian: '孤儿', notes: '甲镇秘密县级排查说明' });
  // selections: B's campaigns at the review, jury and publicity stages (so a refused child is refused as a child, not for the stage)
  const campaignOfB = async (name: string, rules: object, to: string[]) => {
    const c = await post('/api/v1/campaigns', userB, { orgId: townB, name, kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: townB, quota: 2 }], ...rules });
    const n = await post(`/api/v1/campaigns/${c.id}/nominations`, userB, { nominatingOrgId: townB, unitId: townB, deeds: '乙镇事迹' });
    for (const stage of to) {
      if (stage === 'accept') await post(`/api/v1/campaigns/${c.id}/nominations/${n.id}/review`, userB, { decision: 'accept' });
      else await post(`/api/v1/campaigns/${c.id}/advance`, userB, { to: stage });
    }
    return { campaign: c.id, nomination: n.id };
  };
  const inReview = await campaignOfB('乙镇审核中评选', {}, ['review']);
  const inJury = await campaignOfB('乙镇评审中评选', { votingEnabled: false, juryEnabled: true }, ['review', 'accept', 'jury']);
  const inPublicity = await campaignOfB('乙镇公示中评选', { votingEnabled: false, juryEnabled: false }, ['review', 'accept', 'publicity']);
  // 公示 objections need a verified phone (purpose objection): one token serves both
  await t.app.inject({ method: 'POST', url: '/api/public/otp/send', payload: { phone: '13600009999', purpose: 'objection' } });
  const objector = await post('/api/public/otp/verify', undefined, { phone: '13600009999', purpose: 'objection', code: lastOtpCode(t.app, '13600009999') as string });
  const objectorToken = (objector as unknown as { token: string }).token;
  const objectionB = await post(`/api/public/campaigns/${inPublicity.campaign}/objections`, undefined, { content: '乙镇公示异议内容', token: objectorToken });
  // A's campaign in publicity with an objection, and a county campaign with a quota for each township
  const publicityA = await post('/api/v1/campaigns', admin, { orgId: a.townA, name: '甲镇秘密公示评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', votingEnabled: false, juryEnabled: false, quotas: [{ orgId: a.villageA, quota: 1 }] });
  const nomPublicityA = await post(`/api/v1/campaigns/${publicityA.id}/nominations`, admin, { nominatingOrgId: a.villageA, unitId: a.villageA, deeds: '甲镇秘密公示事迹' });
  await post(`/api/v1/campaigns/${publicityA.id}/advance`, admin, { to: 'review' });
  await post(`/api/v1/campaigns/${publicityA.id}/nominations/${nomPublicityA.id}/review`, admin, { decision: 'accept' });
  await post(`/api/v1/campaigns/${publicityA.id}/advance`, admin, { to: 'publicity' });
  const objectionA = await post(`/api/public/campaigns/${publicityA.id}/objections`, undefined, { content: '甲镇秘密异议内容', token: objectorToken });
  const county = await post('/api/v1/campaigns', admin, { orgId: a.county, name: '全县评选', kind: '巾帼文明岗', nomineeType: 'unit', year: 2026, awardLevel: '县级', quotas: [{ orgId: a.villageA, quota: 1 }, { orgId: townB, quota: 1 }] });
  const nomCountyA = await post(`/api/v1/campaigns/${county.id}/nominations`, admin, { nominatingOrgId: a.villageA, unitId: a.villageA, deeds: '甲镇秘密县级事迹' });
  const nomCountyB = await post(`/api/v1/campaigns/${county.id}/nominations`, userB, { nominatingOrgId: townB, unitId: townB, deeds: '乙镇县级事迹' });

  const team = await post('/api/v1/volunteer-teams', userB, { orgId: townB, name: '乙镇志愿队' });
  const targetB = await post('/api/v1/targets', userB, { orgId: townB, year: 2026, metric: 'loans.amount', value: 100, title: '乙镇目标' });
  const childOfA = { orgId: a.townA, person: { name: '越权登记儿童', idNumber: buildIdNumber({ birthDate: '2017-07-07' }) }, guardian: '孤儿' };
  const bodyAttacks = [
    { url: `/api/v1/volunteer-teams/${team.id}/members`, payload: { personId: a.personA } },
    { url: `/api/v1/households/${householdB.id}/members`, payload: { personId: a.personA, relation: '子女' } },
    { url: `/api/v1/campaigns/${county.id}/nominations`, payload: { nominatingOrgId: a.villageA, unitId: a.villageA, deeds: '越权提名' } },
    { url: `/api/v1/campaigns/${county.id}/nominations`, payload: { nominatingOrgId: townB, unitId: a.villageA, deeds: '越权提名' } },
    { url: `/api/v1/screenings/${screeningCounty.id}/children`, payload: childOfA },
    { url: `/api/v1/screenings/${screeningB.id}/children`, payload: childOfA },
    { url: `/api/v1/targets/${targetB.id}/split`, payload: { parts: [{ orgId: a.townA, value: 10 }] } },
  ].map((x) => ({ method: 'POST' as const, ...x }));
  const campaignsB = [inReview.campaign, inJury.campaign, inPublicity.campaign, county.id];
  return {
    pools: {
      'households:id': { a: [a.householdA], b: [householdB.id] },
      'households:personId': { a: [a.personA], b: [personB.id] },
      'report-templates:id': { a: [a.templateA], b: [templateB.id] },
      'report-templates:version': { a: [], b: ['1'] },
      'screenings:id': { a: [a.screeningA], b: [screeningB.id, screeningCounty.id] },
      'screenings:orgId': { a: [a.townA, a.villageA], b: [townB] },
      'campaigns:id': { a: [a.campaignA, publicityA.id], b: campaignsB },
      'campaigns:nominationId': { a: [a.nominationA, nomPublicityA.id, nomCountyA.id], b: [inReview.nomination, inJury.nomination, nomCountyB.id] },
      'campaigns:objectionId': { a: [objectionA.id], b: [objectionB.id] },
    },
    bodyAttacks,
    shared: { campaigns: county.id, screenings: screeningCounty.id },
    secretsA: [childA.id, '甲镇秘密县级儿童', '甲镇秘密县级排查说明', publicityA.id, nomPublicityA.id, objectionA.id, nomCountyA.id, '甲镇秘密公示评选', '甲镇秘密公示事迹', '甲镇秘密异议内容', '甲镇秘密县级事迹'],
    sanityB: [`/api/v1/report-templates/${templateB.id}/versions/1`, `/api/v1/screenings/${screeningB.id}`, `/api/v1/screenings/${screeningCounty.id}`, ...campaignsB.slice(0, 3).map((c) => `/api/v1/campaigns/${c}/nominations`), `/api/v1/campaigns/${inPublicity.campaign}/objections`],
  };
}

export interface Combination {
  url: string;
  /** B's (or a shared) parent with A's child: the refusal must come from the child lookup */
  bParentAChild: boolean;
}

/** Every combination of the path's parameters with at least one record of A (B's parent × A's child, A's parent × B's child, A × A). */
export function combinations(path: string, pools: Record<string, Pool>): { missing: string[]; combos: Combination[] } {
  const resource = path.split('/')[3];
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const missing = params.filter((p) => !pools[`${resource}:${p}`]).map((p) => `${path} {${p}}`);
  if (missing.length) return { missing, combos: [] };
  let all: { values: string[]; ofA: boolean[] }[] = [{ values: [], ofA: [] }];
  for (const p of params) {
    const pool = pools[`${resource}:${p}`];
    all = all.flatMap((c) => [
      ...pool.a.map((v) => ({ values: [...c.values, v], ofA: [...c.ofA, true] })),
      ...pool.b.map((v) => ({ values: [...c.values, v], ofA: [...c.ofA, false] })),
    ]);
  }
  const combos = all.filter((c) => c.ofA.includes(true)).map((c) => {
    let i = 0;
    return { url: path.replace(/\{[^}]+\}/g, () => c.values[i++]), bParentAChild: !c.ofA[0] };
  });
  return { missing, combos };
}
