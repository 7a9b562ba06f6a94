import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { formatChineseDate, shanghaiDate } from '../../domain/dates';
import type { Ctx } from '../context';
import { neutralize } from '../modules/imports/export';

/**
 * "Excel out" for a filtered list (个案, 结对, 志愿服务, 微心愿): a merged title row naming the day of
 * export, a bold header row, frozen panes, set widths. Dates are written as YYYY-MM-DD text, money
 * in 元; text a spreadsheet would run as a formula is neutralized (see imports/export.ts).
 */
export type ListCell = string | number | null;
export interface ListColumn {
  header: string;
  width: number;
}

export interface ListSheet {
  add(values: ListCell[]): void;
  readonly rows: number;
  buffer(): Promise<Buffer>;
}

export function listSheet(ctx: Ctx, title: string, columns: readonly ListColumn[]): ListSheet {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.getCell(1, 1);
  head.value = `${title}（${formatChineseDate(shanghaiDate(ctx.now()))}导出）`;
  head.font = { bold: true, size: 14 };
  ws.getRow(2).values = columns.map((c) => c.header);
  ws.getRow(2).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  let rows = 0;
  return {
    add(values) {
      ws.addRow(values.map((v) => (v === null ? null : neutralize(v))));
      rows++;
    },
    get rows() {
      return rows;
    },
    async buffer() {
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}

/**
 * The name a clerk finds in the download folder: what the file is, whose, and for when —
 * 帮扶救助台账-县妇联-2026年.xlsx. The unit is the one filtered on, else the caller's own unit; a
 * whole calendar year reads 2026年, another period 2026-01-01至2026-06-30; an export without a
 * period carries the day it was made.
 */
export async function downloadName(ctx: Ctx, title: string, filter: { orgId?: string; from?: string; to?: string } = {}): Promise<string> {
  const own = ctx.actor.kind === 'user' ? Array.from(new Set(ctx.actor.grants.map((g) => g.orgId).filter((o): o is string => Boolean(o)))) : [];
  const orgId = filter.orgId ?? (own.length === 1 ? own[0] : undefined);
  const org = orgId ? (await ctx.db.selectFrom('org_units').select('name').where('id', '=', orgId).executeTakeFirst())?.name : undefined;
  return [title, org, periodName(ctx, filter.from, filter.to)]
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'))
    .join('-');
}

function periodName(ctx: Ctx, from: string | undefined, to: string | undefined): string {
  if (from && to && from.slice(0, 4) === to.slice(0, 4) && from.slice(5) === '01-01' && to.slice(5) === '12-31') return `${from.slice(0, 4)}年`;
  if (from && to) return `${from}至${to}`;
  if (from) return `${from}起`;
  if (to) return `截至${to}`;
  return `${shanghaiDate(ctx.now())}导出`;
}

/** Sends a workbook as a download; the Chinese file name goes in RFC 5987 form, an ASCII one for old clients. */
export function sendXlsx(reply: FastifyReply, asciiName: string, chineseName: string, body: Buffer) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${asciiName}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${chineseName}.xlsx`)}`)
    .send(body);
}

/** Reads a list page by page (its own filters, visibility and masking) until every row is seen. */
export async function eachPage<T>(pageSize: number, read: (page: number) => Promise<{ items: T[]; total: number }>, onItems: (items: T[]) => Promise<void> | void): Promise<number> {
  let page = 1;
  for (;;) {
    const r = await read(page);
    await onItems(r.items);
    if (page * pageSize >= r.total || r.items.length === 0) return r.total;
    page++;
  }
}
