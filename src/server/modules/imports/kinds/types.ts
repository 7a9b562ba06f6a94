import type { z } from 'zod';
import type { ColumnDef } from '../../../../domain/imports/headers';
import type { LedgerKind } from '../../../../domain/ledgers/catalogs';
import type { RowReader } from './row';

/** What the importer, the template and the export know about one kind of ledger sheet. */
export type ImportKind = LedgerKind;

export interface KindColumn extends ColumnDef {
  /** example value for the template's example row */
  example?: string | number;
  /** dropdown values (template data validation, from the hidden 字典 sheet) */
  options?: readonly string[];
  /** stored as text (numFmt '@'): ID numbers, phones */
  text?: boolean;
  date?: boolean;
  width?: number;
  /** a required column whose cells may be blank under a rule (放款日期 while 申请中) */
  blankAllowed?: boolean;
}

export interface KindSpec<I = unknown> {
  kind: ImportKind;
  /** 帮扶救助台账 */
  title: string;
  columns: readonly KindColumn[];
  /** the column naming the row's unit (所属组织 / 主办单位) */
  orgColumn: string;
  /** reads a row's cells into the shared domain input (errors are collected by the reader) */
  toInput(r: RowReader): Record<string, unknown>;
  /** the shared domain rules (src/domain/ledgers/inputs.ts, src/domain/person.ts) */
  schema(today: string): z.ZodType<I, unknown>;
  /** domain input field → column key, so a rule's message names the column as written */
  fields: Record<string, string>;
}
