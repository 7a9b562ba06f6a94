import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keys derived from QUNTUAN_SECRET with HKDF: one for AES-256-GCM encryption of personal data at rest,
 * one for the keyed blind index (HMAC-SHA256) used for look-up and de-duplication of ID numbers,
 * one for the audit chain (HMAC-SHA256): without the secret nobody can recompute the chain.
 */
export interface Crypto {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  blindIndex(value: string): string;
  /** AES-256-GCM over bytes (a confidential file): 'QS1' + iv + tag + body */
  sealBytes(plain: Buffer): Buffer;
  openBytes(sealed: Buffer): Buffer;
  /** HMAC-SHA256 under the audit-chain key (hex): the hash of each audit entry */
  auditMac(value: string): string;
}

export function loadOrCreateSecret(explicit: string | undefined, dataDir: string): string {
  if (explicit) return explicit;
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

const sealMark = Buffer.from('QS1');

export function createCrypto(secret: string): Crypto {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'quntuan', info, 32));
  const encKey = derive('pii-encryption-v1');
  const indexKey = derive('pii-blind-index-v1');
  const auditKey = derive('audit-chain-v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(cipher) {
      const raw = Buffer.from(cipher.slice(3), 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    sealBytes(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([sealMark, iv, c.getAuthTag(), body]);
    },
    openBytes(sealed) {
      if (!sealed.subarray(0, 3).equals(sealMark)) throw new Error('not a sealed file');
      const d = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(3, 15));
      d.setAuthTag(sealed.subarray(15, 31));
      return Buffer.concat([d.update(sealed.subarray(31)), d.final()]);
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value).digest('hex');
    },
    auditMac(value) {
      return createHmac('sha256', auditKey).update(value).digest('hex');
    },
  };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Random passwords for bootstrap and resets: 16 chars without look-alikes (0/O, 1/l/I). */
export function randomPassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
