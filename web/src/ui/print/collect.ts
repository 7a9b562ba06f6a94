/** The most rows a printed list carries; past it the paper says so and points to 导出 Excel. */
export const printRowCap = 1000;

export interface Collected<T> {
  items: T[];
  /** the list's total under its filters */
  total: number;
  /** true when the total is past the cap and only the first `printRowCap` rows were fetched */
  capped: boolean;
}

/**
 * Every row of a filtered list for paper, 200 a request (the lists' page-size limit), at most
 * `cap` rows. `fetchPage` asks the list's own endpoint with the page's filters.
 */
export async function collectRows<T>(fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>, cap = printRowCap): Promise<Collected<T>> {
  const pageSize = 200;
  const items: T[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await fetchPage(page, pageSize);
    total = res.total;
    items.push(...res.items);
    if (res.items.length < pageSize || items.length >= Math.min(total, cap)) break;
  }
  return { items: items.slice(0, cap), total, capped: total > cap };
}

/** The line under a printed list: 共 N 条 (or 共 N 条，只打印了前 1000 条，全部记录请用“导出 Excel”). */
export function countLine(c: Collected<unknown>): string {
  return c.capped ? `共 ${c.total} 条，本表只打印了前 ${c.items.length} 条；全部记录请用“导出 Excel”` : `共 ${c.total} 条`;
}
