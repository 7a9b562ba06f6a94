import type { ReactNode } from 'react';

/** A titled section of a printed document (一、基本情况). */
export function PrintSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <div className="qt-print-section">{title}</div>
      {children}
    </section>
  );
}

export interface PrintField {
  label: string;
  value: ReactNode;
  /** spans the whole row (案情摘要, 办结结果) */
  wide?: boolean;
}

/**
 * Fields as a ruled form (登记表): two label/value pairs a row, a wide field on its own row. Empty
 * values print as — so a blank on paper never looks like a field nobody asked for.
 */
export function PrintFields({ fields }: { fields: PrintField[] }) {
  const rows: PrintField[][] = [];
  let pending: PrintField[] = [];
  for (const f of fields) {
    if (f.wide) {
      if (pending.length) rows.push(pending);
      rows.push([f]);
      pending = [];
    } else {
      pending.push(f);
      if (pending.length === 2) {
        rows.push(pending);
        pending = [];
      }
    }
  }
  if (pending.length) rows.push(pending);
  const shown = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
  return (
    <table className="qt-print-table qt-print-fields">
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((f) => [
              <th key={`${f.label}-l`}>{f.label}</th>,
              <td key={`${f.label}-v`} colSpan={f.wide || row.length === 1 ? 3 : 1}>
                {shown(f.value)}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface PrintColumn<T> {
  title: string;
  render: (row: T, index: number) => ReactNode;
  /** e.g. '6em'; the rest share what is left */
  width?: string;
  align?: 'left' | 'right' | 'center';
}

/** A ruled list; its head row repeats on every page. */
export function PrintTable<T>({ columns, rows, empty = '无' }: { columns: PrintColumn<T>[]; rows: T[]; empty?: string }) {
  return (
    <table className="qt-print-table qt-print-list">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} style={{ width: c.width, textAlign: c.align }}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} style={{ textAlign: 'center' }}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.title} style={{ textAlign: c.align }}>
                  {c.render(r, i)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Lines to sign by hand: 经办人（签字）____ 负责人（签字）____ 日期 ____. */
export function SignatureLines({ labels = ['经办人（签字）', '负责人（签字）', '日期'] }: { labels?: string[] }) {
  return (
    <div className="qt-print-signatures" data-testid="print-signatures">
      {labels.map((l) => (
        <div key={l}>{`${l}：`}</div>
      ))}
    </div>
  );
}

/** A small line on paper (共 N 条; 只打印了前 N 条 …). */
export function PrintNote({ children }: { children: ReactNode }) {
  return <div className="qt-print-note">{children}</div>;
}
