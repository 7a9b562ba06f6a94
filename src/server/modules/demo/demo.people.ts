import { type Gender, makeIdNumber } from '../../../domain/id-number';
import { countyArea, mulberry32, randomDate, type Rng, schoolYouth, streets, townships } from './demo.data';
import type { UnitPlan } from './demo.plan';

/**
 * The demo county's people: ≈3 000 persons with valid ID numbers (GB 11643, area 林甸县 230623),
 * birth dates and gender fitting their category, Chinese names, mobile numbers and addresses.
 * A pure function of the year and the unit plan.
 */

export interface PersonPlan {
  name: string;
  idNumber: string;
  phone: string;
  ethnicity: string;
  address: string;
  categories: string[];
  orgCode: string;
  /** the group (key of peopleFigures) the person was drawn for: the ledgers pick their people by it */
  pool: Pool;
}

type Sex = Gender | 'any';
interface Group {
  pool: Pool;
  categories: string[];
  count: number;
  sex: Sex;
  ages: [number, number]; // age reached in the demo year
  at: (rng: Rng) => UnitPlan;
  extra?: { category: string; share: number };
}

/** How many of each; the seed's figures need 41 兼职教师 exactly, the rest are pools for the ledgers. */
export const peopleFigures = {
  兼职教师: 41,
  困难职工: 400,
  春蕾女童: 400,
  单亲贫困母亲: 120,
  创业女性: 1280,
  妇女: 150, // 爱心妈妈 volunteers (also 志愿者)
  留守儿童: 260,
  困境儿童: 140,
  青年: 260, // a quarter also 志愿者
  贫困学生: 77, // category 青年, aged 16–22, at the school youth branches: 团县委's 助学 students
} as const;
export type Pool = keyof typeof peopleFigures;
export const peopleTotal = Object.values(peopleFigures).reduce((a, b) => a + b, 0);

const surnames = (
  '王王王李李李张张张刘刘刘陈陈杨杨赵赵黄周吴徐孙孙胡朱高林何郭马马罗梁宋郑谢韩唐冯于于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏' +
  '薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹易常武乔贺赖龚文关付齐'
).split('');

const given: Record<Gender, [string, string, string]> = {
  女: ['秀兰英华芳玉珍凤霞桂荣淑丽琴梅云萍红艳敏静香', '丽娜静敏燕艳娟霞婷颖雪丹琳倩薇晶璐莹佳欣慧', '欣怡梓涵雨萱诗琪若汐可馨依思语彤佳悦婉晴'],
  男: ['国建军明志文德福海东庆林春宝成富永金树立山', '伟强磊勇杰涛斌超鹏辉飞鑫波浩凯健俊宇刚亮峰', '子浩宇轩睿博梓然泽晨铭皓俊航嘉逸奕辰一天阳'],
};

const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];
const ethnicities: [string, number][] = [['汉族', 0.9], ['满族', 0.04], ['蒙古族', 0.03], ['回族', 0.02], ['朝鲜族', 0.01]];

export function buildPeople(year: number, units: readonly UnitPlan[]): PersonPlan[] {
  const rng = mulberry32(year * 7919 + 3);
  const by = (role: UnitPlan['role']) => units.filter((u) => u.role === role);
  const villageWomen = by('village-women');
  const townWomen = by('town-women');
  const townUnions = by('town-union');
  const townYouth = by('town-youth');
  const youthBranches = by('youth-branch');
  const school = units.find((u) => u.code === 'LD-DX') as UnitPlan;
  const schools = youthBranches.filter((u) => (schoolYouth as readonly string[]).includes(u.name));
  // the county seat (林甸镇) has about twice the workers of a rural township
  const weightedUnions = [...townUnions, ...townUnions.filter((u) => u.town === 1)];
  const f = peopleFigures;
  const groups: Group[] = [
    { pool: '兼职教师', categories: ['兼职教师'], count: f.兼职教师, sex: 'any', ages: [30, 58], at: () => school },
    { pool: '困难职工', categories: ['困难职工'], count: f.困难职工, sex: 'any', ages: [25, 58], at: (r) => r.pick(weightedUnions) },
    { pool: '春蕾女童', categories: ['春蕾女童'], count: f.春蕾女童, sex: '女', ages: [6, 17], at: (r) => r.pick(villageWomen) },
    { pool: '单亲贫困母亲', categories: ['单亲贫困母亲'], count: f.单亲贫困母亲, sex: '女', ages: [26, 50], at: (r) => r.pick(villageWomen) },
    { pool: '创业女性', categories: ['创业女性'], count: f.创业女性, sex: '女', ages: [22, 55], at: (r) => (r.chance(0.8) ? r.pick(villageWomen) : r.pick(townWomen)) },
    { pool: '妇女', categories: ['妇女', '志愿者'], count: f.妇女, sex: '女', ages: [30, 60], at: (r) => r.pick(villageWomen) },
    { pool: '留守儿童', categories: ['留守儿童'], count: f.留守儿童, sex: 'any', ages: [3, 15], at: (r) => r.pick(villageWomen) },
    { pool: '困境儿童', categories: ['困境儿童'], count: f.困境儿童, sex: 'any', ages: [4, 17], at: (r) => r.pick(townWomen) },
    { pool: '青年', categories: ['青年'], count: f.青年, sex: 'any', ages: [14, 35], at: (r) => (r.chance(0.6) ? r.pick(youthBranches) : r.pick(townYouth)), extra: { category: '志愿者', share: 0.25 } },
    // last, so that adding them left everyone above unchanged
    { pool: '贫困学生', categories: ['青年'], count: f.贫困学生, sex: 'any', ages: [16, 22], at: (r) => r.pick(schools) },
  ];
  const ids = new Set<string>();
  const phones = new Set<string>();
  const out: PersonPlan[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.count; i++) {
      const gender: Gender = g.sex === 'any' ? (rng.chance(0.5) ? '男' : '女') : g.sex;
      const age = rng.int(g.ages[0], g.ages[1]);
      const birth = randomDate(rng, `${year - age - 1}-07-01`, `${year - age}-06-30`);
      const unit = g.at(rng);
      const categories = g.extra && rng.chance(g.extra.share) ? [...g.categories, g.extra.category] : g.categories;
      out.push({
        name: personName(rng, gender, Number(birth.slice(0, 4))),
        idNumber: uniqueId(rng, ids, birth, gender),
        phone: uniquePhone(rng, phones),
        ethnicity: ethnicity(rng),
        address: address(rng, unit),
        categories,
        orgCode: unit.code,
        pool: g.pool,
      });
    }
  }
  return out;
}

function personName(rng: Rng, gender: Gender, born: number): string {
  const pool = given[gender][born < 1975 ? 0 : born < 2000 ? 1 : 2];
  const first = rng.pick(surnames);
  if (rng.chance(0.35)) return first + rng.pick(pool.split(''));
  const a = rng.pick(pool.split(''));
  let b = rng.pick(pool.split(''));
  while (b === a) b = rng.pick(pool.split(''));
  return first + a + b;
}

function uniqueId(rng: Rng, seen: Set<string>, birth: string, gender: Gender): string {
  for (;;) {
    const id = makeIdNumber(countyArea, birth, rng.int(0, 999), gender);
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
  }
}

function uniquePhone(rng: Rng, seen: Set<string>): string {
  for (;;) {
    const phone = rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!seen.has(phone)) {
      seen.add(phone);
      return phone;
    }
  }
}

function ethnicity(rng: Rng): string {
  let x = rng.next();
  for (const [name, p] of ethnicities) {
    if (x < p) return name;
    x -= p;
  }
  return '汉族';
}

function address(rng: Rng, unit: UnitPlan): string {
  const town = townships.find((t) => t.no === unit.town);
  if (!town) return `黑龙江省大庆市林甸县林甸镇${rng.pick(streets)}${rng.int(1, 320)}号`;
  if (town.no === 1 && !unit.village && rng.chance(0.6)) return `黑龙江省大庆市林甸县林甸镇${rng.pick(streets)}${rng.int(1, 320)}号`;
  const village = unit.village ?? rng.pick(town.villages);
  return `黑龙江省大庆市林甸县${town.name}${village}${rng.int(1, 9)}组`;
}
