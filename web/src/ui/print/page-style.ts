import { showDate, today } from '../dates';

/** A CSS string literal (for `content:`): quotes, backslashes and line breaks escaped. */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

/** 打印日期：2026年12月8日 — the server's business date (web/shared/clock.ts), never the PC's. */
export function printDateText(): string {
  return `打印日期：${showDate(today())}`;
}

/**
 * The page's margin boxes while one print runs: the unit's name top left, the document's title and the
 * print date top right (so a second sheet that falls apart from the first still says whose and what it
 * is), 第 n 页，共 m 页 at the foot (print.css holds the foot as well, for a page printed with Ctrl+P).
 */
export function pageRule(unitName: string, title: string, landscape = false): string {
  const box = 'font-size: 9pt; color: #444;';
  return `@page {${landscape ? '\n  size: A4 landscape;' : ''}
  @top-left { content: ${cssString(unitName)}; ${box} }
  @top-right { content: ${cssString(`${title}　${printDateText()}`)}; ${box} }
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; ${box} }
}`;
}

/** Puts the margin boxes for `unitName` and `title` on the document; the returned function takes them off. */
export function applyPageRule(unitName: string, title: string, landscape = false): () => void {
  const style = document.createElement('style');
  style.dataset.qtPrint = 'page';
  style.textContent = pageRule(unitName, title, landscape);
  document.head.appendChild(style);
  return () => style.remove();
}
