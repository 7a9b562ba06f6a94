import { listOrgs } from '../orgs/api';
import { listPeople } from '../people/api';

export interface HomeCounts {
  /** Units at the top of the caller's scope, and the units directly under them. */
  rootUnits: number;
  directSubunits: number;
}

// There is no metric API yet: these figures are the totals the list endpoints report.
export async function fetchUnitCounts(): Promise<HomeCounts> {
  const roots = await listOrgs({ pageSize: 100 });
  return { rootUnits: roots.total, directSubunits: roots.items.reduce((n, o) => n + (o.childCount ?? 0), 0) };
}

export async function fetchPeopleTotal(): Promise<number> {
  return (await listPeople({ page: 1, pageSize: 1 })).total;
}
