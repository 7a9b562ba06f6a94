/**
 * The server's password policy (src/server/security/passwords.ts, server-only), repeated here only
 * to warn before submitting; the server decides. At least 10 characters and two kinds of
 * lower-case letters, upper-case letters, digits and symbols.
 */
export const passwordHint = '至少 10 个字符，包含字母、数字、符号中的至少两类';

export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 个字符';
  if (password.length > 128) return '密码不能超过 128 个字符';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return '密码须包含字母、数字、符号中的至少两类';
  return null;
}

export const passwordRule = {
  validator: async (_r: unknown, v?: string) => {
    const p = v ? passwordProblem(v) : '请输入密码';
    if (p) throw new Error(p);
  },
};
