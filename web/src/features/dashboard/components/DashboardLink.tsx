import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

/** A link to a unit's own dashboard that keeps the year being looked at (?year=), as 返回总览 does. */
export function DashboardLink({ id, children }: { id: string; children: ReactNode }) {
  const [search] = useSearchParams();
  const year = search.get('year');
  return <Link to={`/dashboard/${encodeURIComponent(id)}${year ? `?year=${encodeURIComponent(year)}` : ''}`}>{children}</Link>;
}
