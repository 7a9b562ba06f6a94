import { z } from 'zod';
import { roles } from '../../../domain/roles';
import { passwordProblem } from '../../security/passwords';

/** Login names: what people type on the login page, so plain ASCII only. */
export const usernamePattern = /^[A-Za-z0-9_.-]{3,32}$/;
export const usernameMessage = '用户名应为 3 至 32 位字母、数字、下划线、点或连字符';

const password = (label: string) =>
  z
    .string({ error: `请输入${label}` })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const grantInput = z.object({
  role: z.enum(roles, { error: `角色应为 ${roles.join('、')} 之一` }),
  // a unit id or code; null/absent only for a global sysadmin grant
  orgId: z.string().trim().min(1, '请选择授权的组织').max(64).nullish(),
});
export type GrantInput = z.infer<typeof grantInput>;

const grantsInput = z.array(grantInput, { error: '授权应为列表' }).min(1, '至少需要一项授权').max(50, '授权不能超过 50 项');

export const createUserInput = z.object({
  username: z.string({ error: '用户名为必填项' }).trim().regex(usernamePattern, usernameMessage),
  displayName: z.string({ error: '姓名为必填项' }).trim().min(1, '姓名为必填项').max(50, '姓名不能超过 50 个字符'),
  password: password('密码'),
  grants: grantsInput,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  displayName: createUserInput.shape.displayName.optional(),
  disabled: z.boolean({ error: '停用状态应为 true 或 false' }).optional(),
  grants: grantsInput.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersQuery = z.object({
  orgId: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const changePasswordInput = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(256),
  newPassword: password('新密码'),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const idParam = z.object({ id: z.string().min(1).max(64) });
