import { isValidDate } from '../../../domain/dates';
import { foldWidth } from '../../../domain/imports/cells';
import { orgCodePattern, type OrgKind, type OrgLevel } from '../../../domain/org';
import { checkUnitDivision, childCode, findCycles, levelHint, parseOrgKind } from '../../../domain/org-import';
import type { RowError, RowReader } from '../imports/kinds/row';
import type { KindColumn } from '../imports/kinds/types';
import { requireCells } from '../imports/table-sheet';

/**
 * The org tree sheet, checked as a whole before anything is written: each row's cells, then the
 * rows against each other and against the units already under the root (parents named by code or
 * name, in the file or on record, before or after the row; duplicate codes; cycles), then the order
 * to write them in (every parent before its children) and what each row does: create, update or
 * nothing (already on record as written). Idempotent by code: a row whose code is on record updates
 * that unit; a row without a code is the unit of the same name under the same parent when there is
 * one, else a new unit with a code made from the parent's.
 */
export const orgColumns: readonly KindColumn[] = [
  { key: 'parentCode', header: '上级单位编码', synonyms: ['上级编码', '上级单位代码', '上级组织代码', '上级组织编码', '上级代码'], example: 'MS-FL', width: 16 },
  { key: 'parentName', header: '上级单位名称', synonyms: ['上级单位', '上级组织', '上级组织名称', '上级名称', '隶属单位'], example: '明水县妇联', width: 22 },
  { key: 'code', header: '单位编码', synonyms: ['组织代码', '单位代码', '组织编码', '编码', '代码'], example: 'MS-FL-T01', width: 16 },
  { key: 'name', header: '单位名称', required: true, synonyms: ['组织名称', '名称', '单位'], example: '兴仁镇妇联', width: 24 },
  { key: 'kind', header: '单位类型', required: true, synonyms: ['组织类型', '类型', '单位类别', '组织类别'], example: '乡镇妇联', width: 14 },
  { key: 'division', header: '行政区划代码', synonyms: ['区划代码', '行政区划', '区划编码', '行政区划编码'], text: true, example: '231225100', width: 16 },
  { key: 'establishedOn', header: '成立日期', synonyms: ['成立时间', '建立日期', '组建日期'], date: true, example: '1956-03-08', width: 12 },
  { key: 'dissolvedOn', header: '撤销日期', synonyms: ['撤销时间', '撤并日期', '注销日期'], date: true, example: '', width: 12 },
];

/** A unit on record under the root (the root included). */
export interface TreeUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
  division_code: string | null;
  established_on: string | null;
  dissolved_on: string | null;
}

export interface OrgRow {
  row: number;
  code: string | null;
  name: string;
  kind: OrgKind;
  division: string | null;
  establishedOn: string | null;
  dissolvedOn: string | null;
  parentRef: { by: 'code' | 'name'; text: string } | null;
  /** the level the 单位类型 label implies, if any */
  levelHint: OrgLevel | null;
}

/** One row's decision, in writing order. `parent` is a unit id on record or another row's number. */
export interface OrgStep {
  row: OrgRow;
  code: string;
  level: OrgLevel;
  existing: TreeUnit | null;
  parent: { unitId: string | null } | { row: number };
  action: 'create' | 'update' | 'same';
}

export interface OrgPlan {
  /** every row's errors (reading and planning), in row order */
  errors: RowError[];
  steps: OrgStep[];
}

function levelOf(division: string | null, parentLevel: OrgLevel | null, parentDivision: string | null, hint: OrgLevel | null): OrgLevel {
  const len = division?.length;
  if (len === 12) return 'village';
  if (len === 9) return 'township';
  if (len === 6) return division === parentDivision && parentLevel ? parentLevel : 'county';
  // without a code: what the kind says (乡镇妇联, 村妇联, 企业工会), else where the parent sits
  return hint ?? parentLevel ?? 'county';
}

/** Reads one row's cells; errors are collected on the reader (the row still takes part in the plan). */
export function readOrgRow(r: RowReader, countyDivision: string | null): OrgRow {
  requireCells(r, ['name', 'kind']);
  const rawCode = r.text('code');
  const code = rawCode ? foldWidth(rawCode).replace(/\s+/g, '') : null;
  if (code && !orgCodePattern.test(code)) r.fail('code', `单位编码“${rawCode}”只能包含字母、数字、- 和 _，最长 64 位`);
  const name = r.text('name')?.trim() ?? '';
  if (name.length > 100) r.fail('name', '单位名称不能超过 100 个字符');
  const kindText = r.text('kind');
  let kind: OrgKind = 'other';
  if (kindText) {
    const k = parseOrgKind(kindText);
    if (k.ok) kind = k.kind;
    else r.fail('kind', k.message);
  }
  const divText = r.text('division');
  let division: string | null = null;
  if (divText) {
    const d = checkUnitDivision(divText, countyDivision);
    if (d.ok) division = d.code;
    else r.fail('division', d.message);
  }
  const establishedOn = r.date('establishedOn') ?? null;
  const dissolvedOn = r.date('dissolvedOn') ?? null;
  if (establishedOn && dissolvedOn && isValidDate(dissolvedOn) && dissolvedOn < establishedOn) r.fail('dissolvedOn', '撤销日期不能早于成立日期');
  const pCode = r.text('parentCode');
  const pName = r.text('parentName');
  const parentRef = pCode ? { by: 'code' as const, text: foldWidth(pCode).replace(/\s+/g, '') } : pName ? { by: 'name' as const, text: pName.trim() } : null;
  return { row: r.row, code, name, kind, division, establishedOn, dissolvedOn, parentRef, levelHint: kindText ? levelHint(kindText) : null };
}

interface Context {
  root: TreeUnit;
  units: TreeUnit[];
  /** every code on record in the whole tree, upper-cased (codes are unique across the tree) */
  takenCodes: Set<string>;
}

type Node = `r${number}` | `u${string}`;

/** Checks the rows against each other and the units on record and orders them for writing. */
export function planOrgTree(rows: OrgRow[], readers: Map<number, RowReader>, ctx: Context): OrgPlan {
  const failed = new Set(rows.filter((r) => (readers.get(r.row)?.errors.length ?? 0) > 0).map((r) => r.row));
  const fail = (row: number, key: string, message: string) => {
    readers.get(row)?.fail(key, message);
    failed.add(row);
  };
  const unitById = new Map(ctx.units.map((u) => [u.id, u]));
  const unitByCode = new Map(ctx.units.map((u) => [u.code.toUpperCase(), u]));
  const unitsByName = new Map<string, TreeUnit[]>();
  for (const u of ctx.units) unitsByName.set(u.name, [...(unitsByName.get(u.name) ?? []), u]);

  // codes repeated in the file, and codes of units outside the root's subtree
  const rowByCode = new Map<string, OrgRow>();
  const bad = new Set<number>();
  for (const r of rows) {
    if (!r.code) continue;
    const key = r.code.toUpperCase();
    const first = rowByCode.get(key);
    if (first) {
      fail(r.row, 'code', `单位编码“${r.code}”与第 ${first.row} 行重复`);
      bad.add(r.row);
    } else if (ctx.takenCodes.has(key) && !unitByCode.has(key)) {
      fail(r.row, 'code', `单位编码“${r.code}”已被“${ctx.root.name}”以外的单位使用`);
      bad.add(r.row);
    } else rowByCode.set(key, r);
  }
  const rowsByName = new Map<string, OrgRow[]>();
  for (const r of rows) rowsByName.set(r.name, [...(rowsByName.get(r.name) ?? []), r]);
  // a unit on record that a row of the file stands for (same code)
  const boundRow = new Map<string, OrgRow>();
  for (const r of rowByCode.values()) {
    const u = unitByCode.get(r.code?.toUpperCase() ?? '');
    if (u) boundRow.set(u.id, r);
  }
  const nodeOfUnit = (u: TreeUnit): Node => {
    const r = boundRow.get(u.id);
    return r ? `r${r.row}` : `u${u.id}`;
  };

  // each row's parent: another row or a unit on record
  const parentOf = new Map<number, Node>();
  const refKey = (r: OrgRow) => (r.parentRef?.by === 'name' ? 'parentName' : 'parentCode');
  for (const r of rows) {
    if (bad.has(r.row)) continue;
    const isRoot = r.code?.toUpperCase() === ctx.root.code.toUpperCase();
    if (isRoot) {
      if (r.parentRef) fail(r.row, refKey(r), `“${ctx.root.name}”是本次导入的根单位，不能在导入中更改它的上级`);
      continue;
    }
    if (!r.parentRef) {
      parentOf.set(r.row, nodeOfUnit(ctx.root));
      continue;
    }
    const { by, text } = r.parentRef;
    if (by === 'code') {
      const inFile = rowByCode.get(text.toUpperCase());
      const onRecord = unitByCode.get(text.toUpperCase());
      if (inFile && !bad.has(inFile.row)) parentOf.set(r.row, `r${inFile.row}`);
      else if (onRecord) parentOf.set(r.row, nodeOfUnit(onRecord));
      else fail(r.row, 'parentCode', `上级单位编码“${text}”在本文件和“${ctx.root.name}”下都找不到`);
      continue;
    }
    const named = (rowsByName.get(text) ?? []).filter((x) => x.row !== r.row);
    const recorded = (unitsByName.get(text) ?? []).filter((u) => !named.some((x) => x.code?.toUpperCase() === u.code.toUpperCase()));
    const candidates: Node[] = [...named.map((x): Node => `r${x.row}`), ...recorded.map(nodeOfUnit)];
    const unique = [...new Set(candidates)];
    if (unique.length === 1) parentOf.set(r.row, unique[0]);
    else if (unique.length > 1) fail(r.row, 'parentName', `有多个名为“${text}”的单位，请改填上级单位编码`);
    else fail(r.row, 'parentName', `上级单位“${text}”在本文件和“${ctx.root.name}”下都找不到`);
  }

  // cycles: a row's parent chain (through rows and units on record) must reach the root
  const rowOf = new Map(rows.map((r) => [r.row, r]));
  const chainParent = (n: Node): Node | null => {
    if (n.startsWith('r')) {
      const row = Number(n.slice(1));
      if (parentOf.has(row)) return parentOf.get(row) ?? null;
      const r = rowOf.get(row);
      const u = r?.code ? unitByCode.get(r.code.toUpperCase()) : undefined;
      return u?.parent_id && unitById.has(u.parent_id) && u.id !== ctx.root.id ? nodeOfUnit(unitById.get(u.parent_id) as TreeUnit) : null;
    }
    const u = unitById.get(n.slice(1));
    if (!u || u.id === ctx.root.id || !u.parent_id) return null;
    const p = unitById.get(u.parent_id);
    return p ? nodeOfUnit(p) : null;
  };
  const nameOfNode = (n: Node) => (n.startsWith('r') ? (rowOf.get(Number(n.slice(1)))?.name ?? '') : (unitById.get(n.slice(1))?.name ?? ''));
  const cycles = findCycles<Node>([...parentOf.keys()].map((row): Node => `r${row}`), chainParent);
  for (const [n, loop] of cycles) {
    if (!n.startsWith('r')) continue;
    const row = Number(n.slice(1));
    const r = rowOf.get(row) as OrgRow;
    const path = [...loop, loop[0]].map(nameOfNode).join(' → ');
    fail(row, refKey(r), `上级单位形成循环：${path}`);
  }

  // writing order: parents first; a row whose parent row failed fails too
  const steps: OrgStep[] = [];
  const stepOf = new Map<number, OrgStep | null>();
  const generated = new Set<string>();
  const taken = (code: string) => ctx.takenCodes.has(code) || rowByCode.has(code) || generated.has(code);
  const claimed = new Set<string>(); // units on record bound to a row
  for (const u of boundRow.keys()) claimed.add(u);
  const siblingByName = new Map<string, number>();
  const visit = (row: number): OrgStep | null => {
    if (stepOf.has(row)) return stepOf.get(row) ?? null;
    stepOf.set(row, null);
    const r = rowOf.get(row) as OrgRow;
    if (failed.has(row)) return null;
    const isRoot = r.code?.toUpperCase() === ctx.root.code.toUpperCase();
    const pNode = isRoot ? null : (parentOf.get(row) ?? null);
    let parent: OrgStep['parent'];
    let parentCode: string;
    let parentLevel: OrgLevel;
    let parentDivision: string | null;
    let parentUnitId: string | null = null;
    if (isRoot) {
      parent = { unitId: ctx.root.parent_id };
      parentCode = '';
      parentLevel = 'county';
      parentDivision = null;
    } else if (pNode?.startsWith('r')) {
      const p = visit(Number(pNode.slice(1)));
      if (!p) {
        fail(row, refKey(r), `上级单位（第 ${pNode.slice(1)} 行）有错误，本行未导入`);
        return null;
      }
      parent = p.existing ? { unitId: p.existing.id } : { row: p.row.row };
      parentUnitId = p.existing?.id ?? null;
      parentCode = p.code;
      parentLevel = p.level;
      parentDivision = p.row.division ?? p.existing?.division_code ?? null;
    } else {
      const u = unitById.get(String(pNode).slice(1)) as TreeUnit;
      parent = { unitId: u.id };
      parentUnitId = u.id;
      parentCode = u.code;
      parentLevel = u.level as OrgLevel;
      parentDivision = u.division_code;
    }
    let existing = isRoot ? ctx.root : r.code ? (unitByCode.get(r.code.toUpperCase()) ?? null) : null;
    let code = r.code ?? '';
    if (!r.code) {
      const sibKey = `${parentCode.toUpperCase()}|${r.name}`;
      const twin = siblingByName.get(sibKey);
      if (twin !== undefined) {
        fail(row, 'name', `与第 ${twin} 行重复（同一上级下同名的单位，且都未填单位编码）`);
        return null;
      }
      siblingByName.set(sibKey, row);
      const same = parentUnitId ? ctx.units.find((u) => u.parent_id === parentUnitId && u.name === r.name && !claimed.has(u.id)) : undefined;
      if (same) {
        existing = same;
        claimed.add(same.id);
        code = same.code;
      } else {
        code = childCode(parentCode, taken);
        generated.add(code.toUpperCase());
      }
    }
    const division = r.division ?? existing?.division_code ?? null;
    const level = isRoot ? (ctx.root.level as OrgLevel) : levelOf(division, parentLevel, parentDivision, r.levelHint);
    let action: OrgStep['action'] = 'create';
    if (existing) {
      const same =
        existing.name === r.name &&
        existing.kind === r.kind &&
        (isRoot || existing.parent_id === parentUnitId) &&
        existing.division_code === division &&
        existing.established_on === (r.establishedOn ?? existing.established_on) &&
        existing.dissolved_on === (r.dissolvedOn ?? existing.dissolved_on);
      action = same ? 'same' : 'update';
    }
    const step: OrgStep = { row: r, code, level, existing, parent, action };
    stepOf.set(row, step);
    steps.push(step);
    return step;
  };
  for (const r of rows) visit(r.row);
  const errors = [...readers.values()].flatMap((r) => r.errors).sort((a, b) => a.row - b.row);
  return { errors, steps: steps.filter((s) => !failed.has(s.row.row)) };
}
