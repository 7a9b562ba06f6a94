/**
 * Fixed data of the demo county (a 林甸县-like county of 大庆市, "国际温泉名城"): the deterministic
 * random generator, the townships and their villages, and the name parts the plan draws from.
 * Nothing here touches the database.
 */

export interface Rng {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
  chance(p: number): boolean;
}

/** mulberry32: a small, fast, seedable PRNG. Same seed, same sequence, on every platform. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    chance: (p) => next() < p,
  };
}

/** Days since 1970-01-01 ↔ YYYY-MM-DD (UTC arithmetic; these are calendar dates, not instants). */
export function dayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}
export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
/** A uniformly drawn date in [from, to] (inclusive). */
export function randomDate(rng: Rng, from: string, to: string): string {
  return dateOf(rng.int(dayNumber(from), dayNumber(to)));
}

export const countyArea = '230623'; // 林甸县 (GB/T 2260)
export const cityArea = '230600'; // 大庆市

export interface Township {
  no: number; // 1..8, used in unit codes (T01…)
  name: string;
  division: string; // 9 digits
  villages: string[]; // village n gets division `${division}${200 + n}` and code suffix Vnn
  /** share of grassroots unions (enterprises etc.) beyond the village unions */
  enterprises: number;
}

export const townships: Township[] = [
  { no: 1, name: '林甸镇', division: '230623100', enterprises: 50, villages: ['东风村', '长发村', '永胜村', '庆丰村', '新发村', '太平村', '胜利村', '红光村', '民乐村', '长兴村', '兴隆村', '永合村'] },
  { no: 2, name: '红旗镇', division: '230623101', enterprises: 24, villages: ['红旗村', '前进村', '富强村', '团结村', '向阳村', '建设村', '新华村', '光明村', '和平村', '友谊村', '民主村'] },
  { no: 3, name: '花园镇', division: '230623102', enterprises: 22, villages: ['花园村', '永安村', '宏胜村', '双兴村', '东升村', '新立村', '长青村', '万宝村', '三合村', '丰收村', '兴旺村'] },
  { no: 4, name: '四季青镇', division: '230623103', enterprises: 22, villages: ['四季青村', '永丰村', '平安村', '新民村', '金星村', '福兴村', '宝山村', '合心村', '兴华村', '聚宝村'] },
  { no: 5, name: '东兴乡', division: '230623200', enterprises: 22, villages: ['东兴村', '东明村', '东胜村', '东利村', '东华村', '东安村', '联合村', '新兴村', '双合村', '德胜村', '复兴村'] },
  { no: 6, name: '宏伟乡', division: '230623201', enterprises: 22, villages: ['宏伟村', '宏大村', '宏图村', '宏远村', '跃进村', '永久村', '红星村', '先锋村', '卫星村', '朝阳村'] },
  { no: 7, name: '四合乡', division: '230623202', enterprises: 22, villages: ['四合村', '双城村', '三星村', '五一村', '六合村', '七一村', '八一村', '九龙村', '天增村', '长安村', '富民村'] },
  { no: 8, name: '黎明乡', division: '230623203', enterprises: 22, villages: ['黎明村', '曙光村', '晨光村', '红日村', '新生村', '繁荣村', '保安村', '育民村', '利民村', '新城村'] },
];

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const townCode = (t: Township) => `T${pad(t.no)}`;
export const villageDivision = (t: Township, i: number) => `${t.division}${200 + i + 1}`;

/** The county level: 市委 → 县委 → the six mass organizations (fixed codes). */
export const topUnits = [
  { code: 'DQ', name: '大庆市委', kind: 'party_committee', parent: null, division: cityArea, level: 'city', established: '1979-12-14' },
  { code: 'LD', name: '林甸县委', kind: 'party_committee', parent: 'DQ', division: countyArea, level: 'county', established: '1946-06-01' },
  { code: 'LD-ZGH', name: '林甸县总工会', kind: 'union', parent: 'LD', division: countyArea, level: 'county', established: '1956-05-01' },
  { code: 'LD-TW', name: '共青团林甸县委', kind: 'youth_league', parent: 'LD', division: countyArea, level: 'county', established: '1950-05-04' },
  { code: 'LD-FL', name: '林甸县妇联', kind: 'womens_federation', parent: 'LD', division: countyArea, level: 'county', established: '1950-03-08' },
  { code: 'LD-KX', name: '林甸县科协', kind: 'science_association', parent: 'LD', division: countyArea, level: 'county', established: '1980-09-01' },
  { code: 'LD-JGGW', name: '林甸县直机关工委', kind: 'organ_committee', parent: 'LD', division: countyArea, level: 'county', established: '1984-07-01' },
  { code: 'LD-DX', name: '林甸县委党校', kind: 'party_school', parent: 'LD', division: countyArea, level: 'county', established: '1958-10-01' },
] as const;

/** Grassroots unions directly under 县总工会: 县直 institutions and 行业工会联合会. */
export const countyUnions = [
  '林甸县人民医院工会', '林甸县中医院工会', '林甸县第一中学工会', '林甸县第二中学工会', '林甸县职业技术教育中心学校工会',
  '林甸县实验小学工会', '国网林甸县供电公司工会', '林甸农商银行工会', '中国邮政林甸县分公司工会', '林甸县供热公司工会',
  '林甸县环卫中心工会', '林甸县建筑业工会联合会', '林甸县温泉旅游行业工会联合会', '林甸县快递物流行业工会联合会',
  '林甸县餐饮服务业工会联合会', '林甸县奶牛养殖行业工会联合会', '林甸县家政服务业工会联合会', '林甸县出租汽车行业工会联合会',
];

/** 机关妇委会 under 县妇联 (kind womens_branch); the first six also run a 信访代理工作室. */
export const organWomen = [
  '林甸县直机关妇工委', '林甸县人民法院妇委会', '林甸县人民检察院妇委会', '林甸县公安局妇委会', '林甸县教育局妇委会',
  '林甸县卫生健康局妇委会', '林甸县人民医院妇委会', '林甸县中医院妇委会', '林甸农商银行妇委会', '林甸县税务局妇委会',
  '林甸县市场监管局妇委会', '中国邮政林甸县分公司妇委会', '林甸县第一中学妇委会', '林甸县文体广电和旅游局妇委会',
];

/** 县直 departments and institutions with a 团支部/团委 directly under 团县委. */
export const countyYouth = [
  '县委办', '县政府办', '县委组织部', '县委宣传部', '县纪委监委', '县人民法院', '县人民检察院', '县公安局', '县财政局',
  '县教育局', '县卫生健康局', '县农业农村局', '县水务局', '县住建局', '县交通运输局', '县市场监管局', '县税务局',
  '县文体广电和旅游局', '县人社局', '县民政局', '县自然资源局', '县生态环境局', '县应急管理局', '县医保局', '县统计局',
  '县审计局', '县发改局', '县司法局', '县退役军人事务局', '县融媒体中心', '县人民医院', '县中医院', '县疾控中心',
  '县妇幼保健院', '国网林甸县供电公司', '林甸农商银行', '中国邮政林甸县分公司', '中国移动林甸分公司', '中国联通林甸分公司',
  '中国电信林甸分公司', '县消防救援大队', '县公交公司', '县温泉旅游度假区管委会', '县经济开发区管委会',
];
export const schoolYouth = [
  '林甸县第一中学团委', '林甸县第二中学团委', '林甸县职业技术教育中心学校团委', '林甸县实验中学团委', '林甸县第三中学团支部',
  '林甸县红旗镇中学团支部', '林甸县花园镇中学团支部', '林甸县四季青镇中学团支部', '林甸县东兴乡中学团支部',
  '林甸县宏伟乡中学团支部', '林甸县四合乡中学团支部', '林甸县黎明乡中学团支部',
];
export const socialYouth = [
  '林甸县青年志愿者协会团支部', '林甸县青年企业家协会团支部', '林甸县青年电商协会团支部', '林甸县青年农场主联合会团支部',
  '林甸县温泉旅游青年服务队团支部', '林甸县大学生村官联谊会团支部',
];

/** Parts of the (fictitious) enterprise names: 林甸县 + 字号 + 行业 + 组织形式. */
export const tradeNames = [
  '鑫源', '宏达', '金禾', '恒泰', '盛华', '瑞丰', '顺达', '永盛', '龙腾', '天润', '绿源', '嘉禾', '丰泰', '汇通', '博远',
  '金泉', '鹤乡', '北方', '广源', '泰和', '昌盛', '丰源', '润禾', '沃土', '宏运', '佳美', '福瑞', '益农', '鹤鸣', '银泉',
  '黑土', '兴农', '华鑫', '远航', '正大', '锦程', '隆兴', '聚丰', '德润', '康源',
];
export const industries = [
  '米业有限公司', '乳业有限公司', '牧业有限公司', '温泉酒店有限公司', '温泉度假村有限公司', '饲料有限公司', '粮食贸易有限公司',
  '建材有限公司', '物流有限公司', '石油技术服务有限公司', '生物科技有限公司', '杂粮加工有限公司', '苇业有限公司', '食品有限公司',
  '商贸有限公司', '农机专业合作社', '奶牛养殖专业合作社', '水稻种植专业合作社', '汽车运输有限公司', '电力安装工程有限公司',
  '新能源有限公司', '印刷有限公司', '超市有限公司', '药业有限公司', '家政服务有限公司', '肉类加工有限公司',
];

/** Units dissolved before the demo year (do not count as existing). `yearsAgo` counts back from the year. */
export const dissolvedUnions = [
  { town: 1, name: '林甸县鹤乡造纸有限公司工会', established: '2004-06-18', yearsAgo: 2 },
  { town: 2, name: '林甸县红旗砖厂工会', established: '2008-04-02', yearsAgo: 3 },
  { town: 7, name: '林甸县四合粮库工会', established: '2001-09-12', yearsAgo: 1 },
];

/** County-seat streets for addresses of people registered at county units. */
export const streets = ['温泉大街', '迎宾路', '兴林路', '建设大街', '和平路', '鹤鸣湖路', '文化路', '中央大街'];
