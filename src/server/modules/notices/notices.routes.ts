import type { App, AppDeps } from '../../http/types';
import { createSmsSender, type SmsSender } from '../otp/sms';
import { openAndRead, remindNotice, signNotice } from './notices.receipts';
import { createNoticeBody, idParam, listNoticesQuery, signNoticeBody, updateNoticeBody, withdrawNoticeBody } from './notices.schemas';
import { createNotice, deleteNotice, publishNotice, updateNotice, withdrawNotice } from './notices.service';
import { listNotices } from './notices.view';

const senders = new WeakMap<object, SmsSender>();
/** The SMS sender the app's 催办 uses (tests read the log sender's texts through it). */
export function noticeSmsSender(app: App): SmsSender | undefined {
  return senders.get(app);
}

export function registerNoticeRoutes(app: App, deps: AppDeps): void {
  const sms = createSmsSender(deps.config, app.log);
  senders.set(app, sms);
  const tags = ['notices'];
  app.get('/api/v1/notices', { schema: { tags, summary: '通知公告列表（收到的：发给本人所在单位的；发出的：管辖范围内单位发出的）', querystring: listNoticesQuery } }, (req) => listNotices(req.ctx, req.query));
  app.post('/api/v1/notices', { schema: { tags, summary: '起草通知（草稿；正文只保留段落、加粗、列表、http/https 链接）', body: createNoticeBody } }, async (req, reply) =>
    reply.status(201).send(await createNotice(req.ctx, req.body)),
  );
  app.get('/api/v1/notices/:id', { schema: { tags, summary: '通知详情（接收单位首次打开即记为已读；发文单位可见各接收单位的阅读、签收情况）', params: idParam } }, (req) => openAndRead(req.ctx, req.params.id));
  app.patch('/api/v1/notices/:id', { schema: { tags, summary: '修改草稿', params: idParam, body: updateNoticeBody } }, (req) => updateNotice(req.ctx, req.params.id, req.body));
  app.delete('/api/v1/notices/:id', { schema: { tags, summary: '删除草稿（连同附件）', params: idParam } }, async (req, reply) => {
    await deleteNotice(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/v1/notices/:id/publish', { schema: { tags, summary: '发布（此时确定接收单位）', params: idParam } }, (req) => publishNotice(req.ctx, req.params.id));
  app.post('/api/v1/notices/:id/withdraw', { schema: { tags, summary: '撤回已发布的通知（接收单位看到“已撤回”，不再签收）', params: idParam, body: withdrawNoticeBody } }, (req) =>
    withdrawNotice(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/notices/:id/sign', { schema: { tags, summary: '签收（记录签收人和时间）', params: idParam, body: signNoticeBody } }, (req) => signNotice(req.ctx, req.params.id, req.body));
  app.post('/api/v1/notices/:id/remind', { schema: { tags, summary: '一键催办未签收的单位（站内待办与短信；每小时一次）', params: idParam } }, (req) => remindNotice(req.ctx, sms, req.params.id));
}
