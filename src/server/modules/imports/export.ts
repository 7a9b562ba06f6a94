import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { assertOrgInScope, hasPermission, orgInScope, orgScope } from '../../http/scope';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { type Cell, type ExportFilter, exportPage } from './export-queries';
import { kindSpecs } from './kinds';
import type { ImportKind } from './kinds/types';
import { requiredHeader } from './templates';

/**
 * Excel out: a list as filtered on screen, in the kind's template columns. Personal data is masked
 * (issue 12 item 9), also for a holder of pii.read, unless they ask for 含完整身份证号: then the ID
 * numbers are written in full — only with pii.read over every exported unit, else 403 — and the
 * export is audited as a reveal (read_pii). Phones and addresses stay masked in a web export; the
 * CLI (the server's operator) writes everything in full, so a file imports into another
 * installation with identical figures.
 * Text that a spreadsheet would run as a formula (= + - @, tab, CR) is neutralized with a leading '.
 */
export function neutralize(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export const readPermission = (kind: ImportKind) => (kind === 'people' || kind === 'households' ? 'person.read' : 'ledger.read');

/** What an export writes in full: ID numbers (含完整身份证号), and phones/addresses (the CLI only). */
export interface ExportReveal {
  idNumbers: boolean;
  contacts: boolean;
}
export const maskedExport: ExportReveal = { idNumbers: false, contacts: false };

/** Does pii.read cover every unit this export reads: the filtered unit, else every root of the read scope? */
async function piiCovers(ctx: Ctx, readPerm: 'person.read' | 'ledger.read', orgId: string | undefined): Promise<boolean> {
  if (!hasPermission(ctx, 'pii.read')) return false;
  const pii = orgScope(ctx, 'pii.read');
  if (pii.all) return true;
  const read = orgScope(ctx, readPerm);
  if (!orgId && read.all) return false;
  const units = orgId ? [orgId] : Array.from(new Set(read.roots));
  if (!units.length) return false;
  const inside = await ctx.db.selectFrom('org_units').select('id').where('id', 'in', units).where(orgInScope(pii, 'org_units.id')).execute();
  return inside.length === units.length;
}

/**
 * 含完整身份证号: refused (403) without pii.read over the exported units; otherwise audited as a reveal
 * before the first byte leaves, so an aborted download is on record too.
 */
export async function allowFullIdNumbers(ctx: Ctx, readPerm: 'person.read' | 'ledger.read', what: string, filter: { orgId?: string } & Record<string, unknown>): Promise<void> {
  if (!(await piiCovers(ctx, readPerm, filter.orgId))) {
    throw new AppError('FORBIDDEN', '当前角色无权查看完整个人信息，不能导出完整身份证号；请取消“含完整身份证号”后导出', [{ path: 'fullIdNumbers', message: '需要“查看完整个人信息”权限' }]);
  }
  const shown = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'fullIdNumbers' && v !== undefined && v !== null && v !== ''));
  await appendAudit(ctx, { action: 'read_pii', entity: 'export', entityId: what, orgId: filter.orgId ?? null, detail: { export: what, fields: ['idNumber'], filter: shown } });
}

/**
 * Checks scope (and, for 含完整身份证号, pii.read) first, so an HTTP error can still be sent, then
 * returns the writer to run. `reveal.contacts` is for the CLI (the system actor) only.
 */
export async function prepareExport(ctx: Ctx, kind: ImportKind, filter: ExportFilter, reveal: ExportReveal = maskedExport): Promise<(out: Writable) => Promise<{ rows: number }>> {
  const scope = orgScope(ctx, readPermission(kind));
  if (filter.orgId) await assertOrgInScope(ctx, readPermission(kind), filter.orgId);
  if (reveal.contacts && ctx.actor.kind !== 'system') throw new AppError('FORBIDDEN', '只有服务器命令行可以导出完整的电话和住址');
  if (reveal.idNumbers || reveal.contacts) await allowFullIdNumbers(ctx, readPermission(kind), kind, { ...filter });
  const spec = kindSpecs[kind];
  const orgName = filter.orgId ? (await ctx.db.selectFrom('org_units').select('name').where('id', '=', filter.orgId).executeTakeFirst())?.name : undefined;
  return async (out) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 2 }] });
    spec.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? 14;
      if (c.text) col.numFmt = '@';
    });
    const period = kind === 'people' || kind === 'households' ? '' : filter.from || filter.to ? ` ${filter.from ?? ''}至${filter.to ?? ''}` : '';
    ws.mergeCells(1, 1, 1, spec.columns.length);
    const title = ws.getRow(1);
    title.getCell(1).value = `${spec.title}（${orgName ?? '全部'}${period}）`;
    title.getCell(1).font = { bold: true, size: 14 };
    title.commit();
    const header = ws.getRow(2);
    spec.columns.forEach((c, i) => {
      header.getCell(i + 1).value = requiredHeader(c);
      header.getCell(i + 1).font = { bold: true };
    });
    header.commit();
    let rows = 0;
    let after: string | null = null;
    do {
      const page = await exportPage(ctx, kind, scope, filter, after, { ...reveal, decrypt: ctx.crypto.decrypt });
      for (const values of page.rows) {
        const row = ws.addRow(values.map(neutralize));
        spec.columns.forEach((c, i) => {
          if (c.text) row.getCell(i + 1).numFmt = '@';
        });
        row.commit();
        rows++;
      }
      after = page.last;
    } while (after);
    ws.commit();
    await wb.commit();
    return { rows };
  };
}
