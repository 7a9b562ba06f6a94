import { maskName } from '../mask';
import { addDays } from './deadlines';

/** Whether a person born on birthDate is under 18 on `today` (both YYYY-MM-DD). */
export function isMinor(birthDate: string | null, today: string): boolean {
  if (!birthDate) return false;
  const [y, m, d] = birthDate.split('-');
  const adult = `${Number(y) + 18}-${m}-${d}`;
  // 29 February: adulthood on 1 March of a non-leap year
  const adultOn = m === '02' && d === '29' ? addDays(`${Number(y) + 18}-02-28`, 1) : adult;
  return today < adultOn;
}

/**
 * Lists never show a child's full name (王**): every party of a 困境儿童 case, any party in the
 * role 儿童, and any party under 18 by the registry's birth date.
 */
export function listPartyName(p: { name: string; role: string; birthDate: string | null }, kind: string, today: string): string {
  if (kind === '困境儿童' || p.role === '儿童' || isMinor(p.birthDate, today)) return maskName(p.name);
  return p.name;
}
