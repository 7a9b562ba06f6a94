import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { printDateText } from './page-style';

/** The head of a printed document: the unit's name, the title, and a line with `meta` and the print date. */
export function PrintHead({ unitName, title, meta }: { unitName: string; title: string; meta?: ReactNode }) {
  return (
    <div className="qt-print-head">
      <div className="qt-print-head-unit">{unitName}</div>
      <div className="qt-print-head-title">{title}</div>
      <div className="qt-print-head-meta">
        <span>{meta}</span>
        <span>{printDateText()}</span>
      </div>
    </div>
  );
}

/** A head shown only on paper, for a page printed as it is (the dashboard): unit, title, print date. */
export function PrintOnlyHead(props: { unitName: string; title: string; meta?: ReactNode }) {
  return (
    <div className="qt-print-only">
      <PrintHead {...props} />
    </div>
  );
}

export interface PrintDocument {
  /** 个案登记表, 活动台账 … */
  title: string;
  /** the unit the paper is about (its name heads every page) */
  unitName: string;
  /** the line under the title, left of the print date (编号, 筛选条件 …) */
  meta?: ReactNode;
  body: ReactNode;
  /** A4 across (a list of many columns) */
  landscape?: boolean;
}

/**
 * A document for paper only: mounted on <body>, hidden on screen; while it is mounted only it prints
 * (print.css). PrintButton mounts it for one print.
 */
export function PrintSheet({ doc }: { doc: PrintDocument }) {
  return createPortal(
    <div className="qt-print-sheet" data-testid="print-sheet">
      <PrintHead unitName={doc.unitName} title={doc.title} meta={doc.meta} />
      {doc.body}
    </div>,
    document.body,
  );
}
