import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import { assertOrgInScope, hasPermission, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { type Cell, type ExportFilter, exportPage } from './export-queries';
import { kindSpecs } from './kinds';
import type { ImportKind } from './kinds/types';
import { requiredHeader } from './templates';

/**
 * Excel out: a list as filtered on screen, in the kind's template columns, so the file imports
 * into another installation with identical figures. Personal data masked unless the caller holds
 * pii.read over the exported units (then full, and the export is audited as a sensitive read).
 * Text that a spreadsheet would run as a formula (= + - @, tab, CR) is neutralized with a leading '.
 */
export function neutralize(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export const readPermission = (kind: ImportKind) => (kind === 'people' || kind === 'households' ? 'person.read' : 'ledger.read');

async function mayReveal(ctx: Ctx, orgId: string | undefined): Promise<boolean> {
  if (!hasPermission(ctx, 'pii.read')) return false;
  const pii = orgScope(ctx, 'pii.read');
  if (pii.all) return true;
  if (!orgId) return false;
  const inside = await ctx.db.selectFrom('org_units').select('id').where('id', '=', orgId).where(orgInScope(pii, 'org_units.id')).executeTakeFirst();
  return Boolean(inside);
}

/** Checks scope first (so an HTTP error can still be sent), then returns the writer to run. */
export async function prepareExport(ctx: Ctx, kind: ImportKind, filter: ExportFilter): Promise<(out: Writable) => Promise<{ rows: number }>> {
  const scope = orgScope(ctx, readPermission(kind));
  if (filter.orgId) await assertOrgInScope(ctx, readPermission(kind), filter.orgId);
  const pii = await mayReveal(ctx, filter.orgId);
  const spec = kindSpecs[kind];
  const orgName = filter.orgId ? (await ctx.db.selectFrom('org_units').select('name').where('id', '=', filter.orgId).executeTakeFirst())?.name : undefined;
  // an unmasked export is a sensitive read: audited before the first byte leaves, so an aborted
  // download is on record too
  if (pii) {
    await appendAudit(ctx, { action: 'read_pii', entity: 'export', entityId: kind, orgId: filter.orgId ?? null, detail: { kind, from: filter.from ?? null, to: filter.to ?? null } });
  }
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
      const page = await exportPage(ctx, kind, scope, filter, after, { pii, decrypt: ctx.crypto.decrypt });
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
