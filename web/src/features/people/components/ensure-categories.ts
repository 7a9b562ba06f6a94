import { ApiError } from '../../../ui/http';
import { createCategory, listCategories } from '../api';

/** Registers categories the clerk typed that the county does not have yet (人员类别 are a shared list). */
export async function ensureCategories(names: string[] | undefined): Promise<void> {
  if (!names?.length) return;
  const known = new Set((await listCategories()).items.map((c) => c.name));
  for (const name of names) {
    if (known.has(name)) continue;
    try {
      await createCategory(name);
    } catch (e) {
      // another clerk added it meanwhile
      if (!(e instanceof ApiError && e.status === 409)) throw e;
    }
  }
}
