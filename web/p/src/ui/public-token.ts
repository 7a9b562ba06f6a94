import { serverNowMs } from '../../../shared/clock';

/** The verified-phone token of the public pages, kept per purpose in sessionStorage (gone when the tab closes). */
export type OtpPurpose = 'vote' | 'claim' | 'objection';
export interface PublicToken {
  token: string;
  expiresAt: string;
  phoneMasked: string;
}

const key = (purpose: OtpPurpose) => `qt_public_token_${purpose}`;

export function readPublicToken(purpose: OtpPurpose): PublicToken | null {
  try {
    const raw = sessionStorage.getItem(key(purpose));
    if (!raw) return null;
    const t = JSON.parse(raw) as PublicToken;
    if (!t.token || Date.parse(t.expiresAt) <= serverNowMs()) {
      sessionStorage.removeItem(key(purpose));
      return null;
    }
    return t;
  } catch {
    return null;
  }
}

export function savePublicToken(purpose: OtpPurpose, t: PublicToken): void {
  sessionStorage.setItem(key(purpose), JSON.stringify(t));
}

export function clearPublicToken(purpose: OtpPurpose): void {
  sessionStorage.removeItem(key(purpose));
}
