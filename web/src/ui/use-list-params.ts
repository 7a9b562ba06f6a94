import { useSearchParams } from 'react-router-dom';
import { yearBounds } from '../../../src/domain/dates';
import { thisYear as businessYear } from './dates';

export interface ListParams {
  /** The filters to send (orgId, from, to, q and the extra keys), plus page and pageSize. */
  query: Record<string, string | number | undefined>;
  get: (key: string) => string | undefined;
  page: number;
  pageSize: number;
  from: string | undefined;
  to: string | undefined;
  orgId: string | undefined;
  orgName: string | undefined;
  /** Sets (or with undefined/'' removes) URL parameters; any filter change goes back to page 1. */
  update: (changes: Record<string, string | undefined>) => void;
}

/** This year in Asia/Shanghai, the default period of every ledger list. */
export function thisYear(): { from: string; to: string } {
  return yearBounds(businessYear());
}

/**
 * Every list filter lives in the URL, so a filtered list can be bookmarked or shared. The period
 * (from/to) defaults to this year; clearing it keeps `from=&to=` in the URL, meaning "all dates".
 */
export function useListParams(extraKeys: readonly string[] = []): ListParams {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) || undefined;
  const year = thisYear();
  const from = params.has('from') ? get('from') : year.from;
  const to = params.has('to') ? get('to') : year.to;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const query: ListParams['query'] = { orgId: get('orgId'), from, to, q: get('q'), page, pageSize };
  for (const k of extraKeys) query[k] = get(k);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else if (k === 'from' || k === 'to') next.set(k, '');
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  return { query, get, page, pageSize, from, to, orgId: get('orgId'), orgName: get('orgName'), update };
}
