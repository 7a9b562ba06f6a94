import type { DesignationLevel, OrgKind, OrgLevel } from '../../../domain/org';
import {
  countyArea, countyUnions, countyYouth, dissolvedUnions, industries, mulberry32, organWomen, pad, randomDate, type Rng,
  schoolYouth, socialYouth, topUnits, townCode, townships, tradeNames, villageDivision,
} from './demo.data';

/**
 * The demo county's units and designations as plain data: a pure function of the year (and of the
 * last day in-year dates may take, so that nothing lies in the future when the year is the current one).
 * Names come from a fixed-seed generator, so the county looks the same whatever the year.
 */

export type UnitRole =
  | 'top' | 'town-union' | 'town-youth' | 'town-women' | 'village-union' | 'grassroots-union'
  | 'youth-branch' | 'village-women' | 'organ-women';

export interface UnitPlan {
  code: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  parentCode: string | null;
  divisionCode: string | null;
  establishedOn: string;
  dissolvedOn: string | null;
  role: UnitRole;
  town?: number; // township no (1..8)
  village?: string; // village name, for addresses
}

export interface DesignationPlan {
  code: string;
  title: string;
  level: DesignationLevel;
  year: number;
  awardedOn: string | null;
}

export interface DemoPlan {
  units: UnitPlan[];
  designations: DesignationPlan[];
}

/** The figures the plan is built to produce (the seed's report and the 妇联 half-year report). */
export const demoFigures = {
  grassrootsUnions: 334, // existing at the year's end (kind grassroots_union)
  grassrootsUnionsNew: 67, // all of them 村级工会, established in the year
  grassrootsDissolved: 3, // dissolved in earlier years, not counted
  standardized: 58, // 规范化建设达标 (县级)
  workersCongress: 285, // 职代会和厂务公开建制 (85.33 %)
  wageBargaining: 280, // 工资集体协商 (83.83 %)
  youthBranches: 160, // youth_branch units, all direct children of 团县委
  youthBranchesNew: 18,
  womensBranches: 100, // 86 村妇联 + 14 机关妇委会
  fiveGood: 90, // 五好基层妇女组织 (90.0 % of womens_branch)
  petitionStudios: 100, // 信访代理工作室: 86 村妇联 + 8 乡镇妇联 + 6 机关妇委会
  jinguoProvince: 6,
  jinguoCity: 8,
  youthCivilized: { city: 3, county: 12 }, // 青年文明号
} as const;

export function lastDayFor(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today >= `${year}-01-01` && today < end ? today : end;
}

const structureSeed = 0x6342088a;

export function buildDemoPlan(year: number, lastDay: string = `${year}-12-31`): DemoPlan {
  const names = mulberry32(structureSeed);
  const time = mulberry32((year * 2654435761) ^ 0x5bd1e995);
  const inYear = () => randomDate(time, `${year}-01-01`, lastDay);
  // a date in an earlier year, from `from` on (or the last ten years, if `from` is not earlier)
  const before = (from: string) => randomDate(time, from < `${year - 1}-01-01` ? from : `${year - 10}-01-01`, `${year - 1}-12-31`);
  const clamp = (d: string) => (d > lastDay ? lastDay : d);
  const units: UnitPlan[] = [];
  const add = (u: UnitPlan) => {
    units.push(u);
    return u;
  };

  for (const u of topUnits) {
    add({ code: u.code, name: u.name, kind: u.kind, level: u.level, parentCode: u.parent, divisionCode: u.division, establishedOn: u.established, dissolvedOn: null, role: 'top' });
  }

  // ---- unions: 8 乡镇工会, 86 村级工会 (67 new), 24 乡镇机关/学校/卫生院工会, 206 企业/社区工会, 18 县直, 3 dissolved
  const enterpriseNames = uniqueNames(names, 206 + 12);
  const newVillages = new Set(time.shuffle(townships.flatMap((t) => t.villages.map((v) => `${t.no}:${v}`))).slice(0, demoFigures.grassrootsUnionsNew));
  const grassroots: UnitPlan[] = [];
  let e = 0;
  for (const t of townships) {
    const tc = `LD-ZGH-${townCode(t)}`;
    add({ code: tc, name: `${t.name}工会`, kind: 'union', level: 'township', parentCode: 'LD-ZGH', divisionCode: t.division, establishedOn: '1984-05-01', dissolvedOn: null, role: 'town-union', town: t.no });
    t.villages.forEach((v, i) => {
      const isNew = newVillages.has(`${t.no}:${v}`);
      grassroots.push(add({
        code: `${tc}-V${pad(i + 1)}`, name: `${t.name}${v}工会`, kind: 'grassroots_union', level: 'village', parentCode: tc,
        divisionCode: villageDivision(t, i), establishedOn: isNew ? inYear() : before(`${year - 6}-01-01`), dissolvedOn: null,
        role: 'village-union', town: t.no, village: v,
      }));
    });
    const own = [`${t.name}机关工会`, `${t.name}中心学校工会`, `${t.name}卫生院工会`];
    const community = t.no === 1 ? ['林甸镇育英社区工会联合会', '林甸镇温泉社区工会联合会', '林甸镇兴林社区工会联合会'] : [];
    const firms = enterpriseNames.slice(e, e + t.enterprises - community.length).map((n) => `${n}工会`);
    e += t.enterprises - community.length;
    [...own, ...community, ...firms].forEach((name, i) => {
      const isFirm = i >= own.length + community.length;
      grassroots.push(add({
        code: `${tc}-E${pad(i + 1, 3)}`, name, kind: 'grassroots_union', level: isFirm ? 'enterprise' : 'township', parentCode: tc,
        divisionCode: t.division, establishedOn: before(i < own.length ? '1985-01-01' : '1995-01-01'), dissolvedOn: null,
        role: 'grassroots-union', town: t.no,
      }));
    });
    dissolvedUnions.filter((d) => d.town === t.no).forEach((d, i) => {
      add({
        code: `${tc}-X${pad(i + 1)}`, name: d.name, kind: 'grassroots_union', level: 'enterprise', parentCode: tc, divisionCode: t.division,
        establishedOn: d.established, dissolvedOn: randomDate(time, `${year - d.yearsAgo}-01-01`, `${year - d.yearsAgo}-12-31`), role: 'grassroots-union', town: t.no,
      });
    });
  }
  countyUnions.forEach((name, i) => {
    const federation = name.endsWith('联合会');
    grassroots.push(add({
      code: `LD-ZGH-Z${pad(i + 1)}`, name, kind: 'grassroots_union', level: 'county', parentCode: 'LD-ZGH', divisionCode: countyArea,
      establishedOn: before(federation ? '2012-01-01' : '1980-01-01'), dissolvedOn: null, role: 'grassroots-union',
    }));
  });

  // ---- youth: 8 乡镇团委 and 160 直属团组织 (youth_branch, all direct children of 团县委)
  for (const t of townships) {
    add({ code: `LD-TW-${townCode(t)}`, name: `${t.name}团委`, kind: 'youth_league', level: 'township', parentCode: 'LD-TW', divisionCode: t.division, establishedOn: '1984-05-04', dissolvedOn: null, role: 'town-youth', town: t.no });
  }
  const firmYouth = enterpriseNames.slice(206, 206 + 12).concat(names.shuffle(enterpriseNames.slice(0, 206)).slice(0, 86));
  const youthSpecs = [
    ...countyYouth.map((d) => ({ name: d.startsWith('县') ? `林甸${d}团支部` : `${d}团支部`, firm: false, twoNew: false })),
    ...schoolYouth.map((name) => ({ name, firm: false, twoNew: false })),
    ...socialYouth.map((name) => ({ name, firm: false, twoNew: true })),
    ...firmYouth.map((n) => ({ name: `${n}团支部`, firm: true, twoNew: true })),
  ];
  // 新建 this year: only among 两新组织 (非公企业, 社会组织)
  const newYouth = new Set(time.shuffle(youthSpecs.filter((s) => s.twoNew).map((s) => s.name)).slice(0, demoFigures.youthBranchesNew));
  const youth = youthSpecs.map((s, i) =>
    add({
      code: `LD-TW-B${pad(i + 1, 3)}`, name: s.name, kind: 'youth_branch', level: s.firm ? 'enterprise' : 'county', parentCode: 'LD-TW',
      divisionCode: s.firm ? null : countyArea, establishedOn: newYouth.has(s.name) ? inYear() : before('1990-01-01'), dissolvedOn: null, role: 'youth-branch',
    }),
  );

  // ---- women: 8 乡镇妇联, 86 村妇联 (妇代会改建妇联, 2016–2017), 14 机关妇委会
  const villageWomen: UnitPlan[] = [];
  const townWomen: UnitPlan[] = [];
  for (const t of townships) {
    const tc = `LD-FL-${townCode(t)}`;
    townWomen.push(add({ code: tc, name: `${t.name}妇联`, kind: 'womens_federation', level: 'township', parentCode: 'LD-FL', divisionCode: t.division, establishedOn: '1984-03-08', dissolvedOn: null, role: 'town-women', town: t.no }));
    t.villages.forEach((v, i) => {
      const reformed = year >= 2018 ? randomDate(time, '2016-03-01', '2017-12-31') : before('1990-01-01');
      villageWomen.push(add({ code: `${tc}-V${pad(i + 1)}`, name: `${t.name}${v}妇联`, kind: 'womens_branch', level: 'village', parentCode: tc, divisionCode: villageDivision(t, i), establishedOn: reformed, dissolvedOn: null, role: 'village-women', town: t.no, village: v }));
    });
  }
  const organ = organWomen.map((name, i) =>
    add({ code: `LD-FL-J${pad(i + 1)}`, name, kind: 'womens_branch', level: 'county', parentCode: 'LD-FL', divisionCode: countyArea, establishedOn: before('1990-01-01'), dissolvedOn: null, role: 'organ-women' }),
  );

  // ---- designations in the year
  const designations: DesignationPlan[] = [];
  const give = (list: readonly UnitPlan[], title: string, level: DesignationLevel, awardedOn: string | null = null) => {
    for (const u of list) designations.push({ code: u.code, title, level, year, awardedOn });
  };
  give([units.find((u) => u.code === 'LD-ZGH') as UnitPlan], '大庆市职工劳动竞赛优秀组织单位', '市级', clamp(`${year}-04-28`));
  const oldGrassroots = grassroots.filter((u) => u.establishedOn < `${year}-01-01`);
  give(pick(time, oldGrassroots, demoFigures.standardized), '规范化建设达标', '县级');
  give(pick(time, grassroots, demoFigures.workersCongress), '职代会和厂务公开建制', '县级');
  give(pick(time, grassroots, demoFigures.wageBargaining), '工资集体协商', '县级');
  give(pick(time, [...villageWomen, ...organ], demoFigures.fiveGood), '五好基层妇女组织', '县级');
  give([...villageWomen, ...townWomen, ...organ.slice(0, 6)], '信访代理工作室', '县级');
  const jinguo = time.shuffle(organ);
  give(jinguo.slice(0, demoFigures.jinguoProvince), '巾帼文明岗', '省级', clamp(`${year}-03-08`));
  give(jinguo.slice(demoFigures.jinguoProvince, demoFigures.jinguoProvince + demoFigures.jinguoCity), '巾帼文明岗', '市级', clamp(`${year}-03-08`));
  const civil = time.shuffle(youth.slice(0, countyYouth.length));
  give(civil.slice(0, demoFigures.youthCivilized.city), '青年文明号', '市级', clamp(`${year}-05-04`));
  give(civil.slice(demoFigures.youthCivilized.city, demoFigures.youthCivilized.city + demoFigures.youthCivilized.county), '青年文明号', '县级', clamp(`${year}-05-04`));
  return { units, designations };
}

function pick<T>(rng: Rng, list: readonly T[], n: number): T[] {
  if (list.length < n) throw new Error(`demo plan: need ${n} of ${list.length}`);
  return rng.shuffle(list).slice(0, n);
}

/** Distinct fictitious enterprise names (林甸县 + 字号 + 行业). */
function uniqueNames(rng: Rng, n: number): string[] {
  const seen = new Set<string>();
  while (seen.size < n) seen.add(`林甸县${rng.pick(tradeNames)}${rng.pick(industries)}`);
  return [...seen];
}
