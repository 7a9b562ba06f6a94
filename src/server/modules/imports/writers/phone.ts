import { checkPhone } from '../../../../domain/phone';

/** A phone as stored: normalized when valid, else as written (personInput has refused bad ones). */
export function phoneOrNull(raw: string | null | undefined): string | null {
  if (!raw || !raw.trim()) return null;
  const r = checkPhone(raw);
  return r.ok ? r.phone : raw.trim();
}
