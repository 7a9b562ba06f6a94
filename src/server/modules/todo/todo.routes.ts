import type { App, AppDeps } from '../../http/types';
import { listTodoQuery, reminderSettingsBody, reminderSettingsResult, todoCountResult, todoListResult } from './todo.schemas';
import { countTodo, listTodo } from './todo.service';
import { getReminderSettings, setReminderSettings } from './todo.settings';

export function registerTodoRoutes(app: App, deps: AppDeps): void {
  const tags = ['todo'];
  app.get('/api/v1/todo', { schema: { tags, summary: '我的待办（按类分组，各类计数；每项链接到记录；由记录实时计算）及今日提醒', querystring: listTodoQuery, response: { 200: todoListResult } } }, (req) =>
    listTodo(req.ctx, req.query),
  );
  app.get('/api/v1/todo/count', { schema: { tags, summary: '我的待办总数（页头铃铛）', response: { 200: todoCountResult } } }, (req) => countTodo(req.ctx));
  app.get('/api/v1/me/reminders', { schema: { tags, summary: '本人的待办提醒设置（每日短信、手机号脱敏）', response: { 200: reminderSettingsResult } } }, (req) => getReminderSettings(req.ctx, deps.config));
  app.put('/api/v1/me/reminders', { schema: { tags, summary: '设置本人的待办提醒（是否接收每日短信、接收手机号；记入审计）', body: reminderSettingsBody, response: { 200: reminderSettingsResult } } }, (req) =>
    setReminderSettings(req.ctx, deps.config, req.body),
  );
}
