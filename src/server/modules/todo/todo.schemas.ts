import { z } from 'zod';
import { todoSeverities } from './todo.types';

export const listTodoQuery = z.object({
  limit: z.coerce.number({ error: '每类条数应为数字' }).int('每类条数应为整数').min(1, '每类条数至少 1').max(100, '每类条数最多 100').default(20).describe('每类最多列出的条数（计数不受影响）'),
});

const item = z.object({
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  severity: z.enum(todoSeverities),
  link: z.string(),
  orgName: z.string().nullable().optional(),
  note: z.string().optional(),
});

export const todoListResult = z.object({
  today: z.string(),
  total: z.number(),
  groups: z.array(z.object({ kind: z.string(), label: z.string(), total: z.number(), items: z.array(item) })),
  digest: z.object({ text: z.string().nullable(), sentAt: z.string().nullable(), channel: z.enum(['sms', 'log', 'failed']).nullable() }),
});

export const todoCountResult = z.object({ today: z.string(), total: z.number() });

export const reminderSettingsResult = z.object({
  digestEnabled: z.boolean(),
  phoneMasked: z.string().nullable(),
  hour: z.number(),
  schedulerEnabled: z.boolean(),
  smsConfigured: z.boolean(),
});

export const reminderSettingsBody = z
  .object({
    digestEnabled: z.boolean({ error: '是否接收每日待办提醒应为 是 或 否' }).describe('是否接收每日待办提醒'),
    phone: z.string().trim().max(20, '手机号不能超过 20 个字').nullable().optional().describe('接收提醒的手机号；空为清除，省略为不变'),
  })
  .describe('本人的待办提醒设置');
export type ReminderSettingsBody = z.infer<typeof reminderSettingsBody>;
