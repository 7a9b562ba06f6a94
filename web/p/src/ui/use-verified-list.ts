import { useEffect, useState } from 'react';
import { PublicApiError } from './http';
import { clearPublicToken, type PublicToken, readPublicToken, type OtpPurpose } from './public-token';

/**
 * A "my …" page's list (my claims, my objections), fetched with the phone token verified for
 * `purpose`. No token, or one the server no longer accepts (401: expired, revoked), leaves `token`
 * null so the page asks for the phone again; any other failure is `error`.
 */
export function useVerifiedList<T>(purpose: OtpPurpose, load: (token: string) => Promise<{ items: T[] }>) {
  const [token, setToken] = useState<PublicToken | null>(() => readPublicToken(purpose));
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    load(token.token).then(
      (r) => live && setItems(r.items),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof PublicApiError && e.status === 401) {
          clearPublicToken(purpose);
          setToken(null);
        } else setError(e);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a module-level API function: the list is fetched again when the token changes
  }, [token, purpose, load]);

  return { token, setToken, items, error };
}
