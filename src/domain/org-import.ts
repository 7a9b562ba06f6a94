import { orgKindLabels, orgKinds, type OrgKind } from './org';
import { foldWidth } from './imports/cells';
import { checkDivisionCode, provinceCodes } from './regions';
import { roleLabels, roles, type Role } from './roles';

/**
 * Rules of the set-up imports (the county's org tree and its users from Excel), pure, no I/O:
 * the Chinese names clerks give unit kinds and roles, codes generated from the parent's, the
 * province check of a division code (GB/T 2260: the first two digits) and cycles among parents.
 */

/** What county staff write in a 单位类型 cell, beyond the contract's labels (orgKindLabels). */
const kindWords: Record<OrgKind, readonly string[]> = {
  party_committee: ['党委', '县委', '市委', '区委', '旗委', '乡镇党委', '镇党委', '乡党委', '党组织', '党工委'],
  union: ['总工会', '县总工会', '乡镇工会', '镇工会', '乡工会', '街道工会', '工会', '总工会/乡镇工会'],
  grassroots_union: ['基层工会', '村级工会', '村工会', '企业工会', '社区工会', '机关工会', '学校工会', '行业工会', '行业工会联合会', '工会小组', '联合工会'],
  youth_league: ['团委', '团县委', '乡镇团委', '镇团委', '乡团委', '街道团工委', '团工委'],
  youth_branch: ['基层团组织', '团支部', '团总支', '村团支部', '企业团支部', '学校团委', '基层团委', '社区团支部'],
  womens_federation: ['妇联', '县妇联', '乡镇妇联', '镇妇联', '乡妇联', '街道妇联'],
  womens_branch: ['基层妇女组织', '村妇联', '社区妇联', '妇委会', '妇女委员会', '机关妇工委', '妇工委', '企业妇委会', '村妇代会', '妇代会'],
  science_association: ['科协', '县科协', '科学技术协会', '乡镇科协', '基层科协', '农技协'],
  organ_committee: ['机关工委', '直属机关工委', '县直机关工委', '机关党工委'],
  party_school: ['党校', '县委党校'],
  other: ['其他', '其它'],
};

const foldLabel = (s: string) => foldWidth(s).replace(/\s+/g, '').toLowerCase();

const kindIndex = new Map<string, OrgKind>();
for (const k of orgKinds) {
  for (const w of [k, orgKindLabels[k], ...kindWords[k]]) kindIndex.set(foldLabel(w), k);
}

/** 单位类型 as written → kind; accepts the contract's identifiers and the Chinese names above. */
export function parseOrgKind(raw: string): { ok: true; kind: OrgKind } | { ok: false; message: string } {
  const kind = kindIndex.get(foldLabel(raw));
  if (kind) return { ok: true, kind };
  const examples = ['基层工会', '村妇联', '团支部', '乡镇妇联', '总工会', '团委', '科协'].join('、');
  return { ok: false, message: `单位类型“${raw}”无法识别（可填 ${examples} 等）` };
}

/**
 * Where a unit sits, as its 单位类型 says it (乡镇妇联 → township, 村妇联 → village, 企业工会 →
 * enterprise); null when the label does not say. A division code, when given, says it better.
 */
export function levelHint(label: string): 'township' | 'village' | 'enterprise' | null {
  const l = foldLabel(label);
  if (/^(村|社区)/.test(l)) return 'village';
  if (/^(乡镇|镇|乡|街道)/.test(l)) return 'township';
  if (/^企业/.test(l)) return 'enterprise';
  return null;
}

/** The roles an import may hand out (never 系统管理员: that stays a deliberate act of one admin). */
export const importableRoles = roles.filter((r) => r !== 'sysadmin');

const roleWords: Record<Role, readonly string[]> = {
  sysadmin: ['系统管理员', '超级管理员'],
  leader: ['领导', '分管领导', '负责人'],
  org_admin: ['组织管理员', '单位管理员', '管理员'],
  staff: ['工作人员', '业务员', '联络员', '录入员', '干事'],
  case_worker: ['个案工作者', '信访员', '维权员', '个案工作人员'],
  viewer: ['查看者', '只读', '查看'],
};
const roleIndex = new Map<string, Role>();
for (const r of roles) for (const w of [r, roleLabels[r], ...roleWords[r]]) roleIndex.set(foldLabel(w), r);

/** 角色 as written (several separated by 、，; /) → roles; unknown and sysadmin names are reported. */
export function parseRoles(raw: string): { ok: true; roles: Role[] } | { ok: false; message: string } {
  const parts = raw.split(/[、,，;；/\n]+/).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return { ok: false, message: '角色为必填项' };
  const out: Role[] = [];
  for (const p of parts) {
    const role = roleIndex.get(foldLabel(p));
    if (!role) return { ok: false, message: `角色“${p}”无法识别（可填 ${importableRoles.map((r) => roleLabels[r]).join('、')}）` };
    if (role === 'sysadmin') return { ok: false, message: '不能通过导入授予系统管理员角色' };
    if (!out.includes(role)) out.push(role);
  }
  return { ok: true, roles: out };
}

/**
 * A code for a unit whose 单位编码 is blank: the parent's code and a two-digit (or longer) serial,
 * the first not taken — 明水县妇联 MS-FL → MS-FL-01, MS-FL-02 …
 */
export function childCode(parentCode: string, taken: (code: string) => boolean): string {
  for (let n = 1; ; n++) {
    const code = `${parentCode}-${String(n).padStart(2, '0')}`;
    if (!taken(code.toUpperCase())) return code;
  }
}

/** The province a division code belongs to (its first two digits), e.g. 23 → 黑龙江省. */
export function provinceOf(divisionCode: string): string | null {
  return provinceCodes[divisionCode.slice(0, 2)] ?? null;
}

/**
 * A division code checked against the county's: valid by GB/T 2260 and in the same province as
 * `countyCode` (a unit of this county cannot lie in another province).
 */
export function checkUnitDivision(raw: string, countyCode: string | null): { ok: true; code: string } | { ok: false; message: string } {
  const r = checkDivisionCode(foldWidth(raw).replace(/\s+/g, ''));
  if (!r.ok) return r;
  if (countyCode && r.code.slice(0, 2) !== countyCode.slice(0, 2)) {
    return { ok: false, message: `行政区划代码 ${r.code} 属于${provinceOf(r.code)}，不在本县所在的${provinceOf(countyCode) ?? countyCode.slice(0, 2)}` };
  }
  return r;
}

/**
 * Nodes caught in a cycle of `parentOf` links (a → b → … → a). Each node is reported once, with
 * the whole loop in order starting from it; nodes that merely lead into a loop are not in one.
 */
export function findCycles<K>(nodes: Iterable<K>, parentOf: (k: K) => K | null | undefined): Map<K, K[]> {
  const state = new Map<K, 'open' | 'done'>();
  const inCycle = new Map<K, K[]>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const path: K[] = [];
    let k: K | null | undefined = start;
    while (k !== null && k !== undefined && !state.has(k)) {
      state.set(k, 'open');
      path.push(k);
      k = parentOf(k);
    }
    if (k !== null && k !== undefined && state.get(k) === 'open') {
      const loop = path.slice(path.indexOf(k));
      loop.forEach((n, i) => inCycle.set(n, [...loop.slice(i), ...loop.slice(0, i)]));
    }
    for (const n of path) state.set(n, 'done');
  }
  return inCycle;
}
