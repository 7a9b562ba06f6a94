import { useEffect, useState } from 'react';
import { listOrgs, type Org } from '../features/orgs/api';

let cached: Promise<Org | null> | null = null;
let cachedFor: string | null = null;

/**
 * The unit a page opens on when the URL names none: the caller's top unit (the first root of their
 * scope; for a global administrator the root of the whole tree). `undefined` while it loads, `null`
 * when the caller has no unit at all. Cached per signed-in user.
 */
export function useTopUnit(userId: string | undefined): Org | null | undefined {
  const [unit, setUnit] = useState<Org | null | undefined>(undefined);
  useEffect(() => {
    if (!userId) return;
    if (cachedFor !== userId || !cached) {
      cachedFor = userId;
      cached = listOrgs({ page: 1, pageSize: 1 }).then(
        (res) => res.items[0] ?? null,
        () => null,
      );
    }
    let live = true;
    void cached.then((u) => live && setUnit(u));
    return () => {
      live = false;
    };
  }, [userId]);
  return unit;
}
