import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { getOrg, knownOrgName, listOrgs } from '../../features/orgs/api';
import { showDate } from '../dates';
import type { ListParams } from '../use-list-params';
import { collectRows, countLine } from './collect';
import { PrintNote, PrintTable, type PrintColumn } from './parts';
import type { PrintDocument } from './PrintSheet';

/** The unit a printed list is about: the filter's unit, else the caller's top unit. */
export async function printUnitName(orgId: string | undefined, orgName?: string): Promise<string> {
  if (orgId) return orgName ?? knownOrgName(orgId) ?? (await getOrg(orgId)).name;
  const top = (await listOrgs({ page: 1, pageSize: 1 })).items[0];
  return top?.name ?? '全部单位';
}

/** 期间：2026年1月1日至2026年12月31日　类型：培训　关键词：春蕾 — the filters a printed list was made under. */
export function filterLine(list: ListParams, labels: Record<string, string> = {}, period = true): string {
  const parts: string[] = [];
  if (period) parts.push(list.from || list.to ? `期间：${list.from ? showDate(list.from) : '不限'}至${list.to ? showDate(list.to) : '不限'}` : '期间：全部日期');
  for (const [key, label] of Object.entries(labels)) {
    const v = list.get(key);
    if (v) parts.push(`${label}：${v}`);
  }
  const q = list.get('q');
  if (q) parts.push(`关键词：${q}`);
  return parts.join('　');
}

/** A screen table's columns for paper: same titles and cells, without the 操作 column. */
export function printColumns<T>(columns: TableColumnsType<T>): PrintColumn<T>[] {
  const out: PrintColumn<T>[] = [];
  for (const c of columns) {
    if (!('dataIndex' in c) && !c.render) continue;
    const title = typeof c.title === 'string' ? c.title : '';
    if (!title || title === '操作') continue;
    const dataIndex = 'dataIndex' in c ? c.dataIndex : undefined;
    const value = (row: T): unknown => (typeof dataIndex === 'string' || typeof dataIndex === 'number' ? (row as Record<string | number, unknown>)[dataIndex] : undefined);
    out.push({
      title,
      align: c.align === 'right' || c.align === 'center' ? c.align : undefined,
      render: (row, i) => (c.render ? (c.render(value(row), row, i) as ReactNode) : ((value(row) ?? '—') as ReactNode)),
    });
  }
  return out;
}

/**
 * A filtered list on paper: every row under the page's filters (not only the page on screen), at most
 * `printRowCap`, with the filters and the count (and the cap, when reached) said above the table.
 */
export async function listPrintDocument<T>(opts: {
  title: string;
  list: ListParams;
  columns: TableColumnsType<T>;
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>;
  /** the list's own filters by URL key: { type: '类型' } */
  labels?: Record<string, string>;
  period?: boolean;
}): Promise<PrintDocument> {
  const [rows, unitName] = await Promise.all([collectRows(opts.fetchPage), printUnitName(opts.list.orgId, opts.list.orgName)]);
  const filters = filterLine(opts.list, opts.labels, opts.period);
  const columns = printColumns(opts.columns);
  return {
    title: opts.title,
    // more than seven columns do not fit across A4 upright
    landscape: columns.length > 7,
    unitName,
    meta: filters,
    body: (
      <>
        <PrintNote>{`统计范围：${opts.list.orgId ? `${unitName}（含下级单位）` : '本人可查看的全部单位'}　${countLine(rows)}`}</PrintNote>
        <PrintTable columns={[{ title: '序号', align: 'center', render: (_row, i) => i + 1 }, ...columns]} rows={rows.items} empty="没有符合条件的记录" />
      </>
    ),
  };
}
