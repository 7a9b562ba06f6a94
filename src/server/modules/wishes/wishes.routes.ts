import type { App } from '../../http/types';
import { downloadName, sendXlsx } from '../../http/xlsx-list';
import { exportWishes } from './wishes.export';
import { transitionWish } from './wishes.flow';
import { claimWish, getPublicWish, listPublicWishes, myClaims } from './wishes.public';
import {
  claimBody, claimResult, createWishBody, myClaimsResult, publicBoardResult, publicWishDetailResult, listWishesQuery, publicTokenHeaders, publicWishesQuery, publicWishParam, updateWishBody, wishIdParam, wishSettingsBody, wishSettingsQuery, wishTransitionBody,
} from './wishes.schemas';
import { createWish, getWish, getWishSettings, listWishes, setWishSettings, updateWish } from './wishes.service';

export function registerWishRoutes(app: App): void {
  const tags = ['wishes'];
  app.get('/api/v1/wishes', { schema: { tags, summary: '微心愿列表（按单位、状态筛选；各状态计数；儿童姓名脱敏）', querystring: listWishesQuery } }, (req) => listWishes(req.ctx, req.query));
  app.get('/api/v1/wishes/export', { schema: { tags, summary: '导出微心愿台账（Excel；列表的筛选条件；儿童姓名脱敏，不含认领人手机号；记入审计）', querystring: listWishesQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) =>
    sendXlsx(reply, 'wishes', await downloadName(req.ctx, '微心愿台账', req.query), await exportWishes(req.ctx, req.query)),
  );
  app.post('/api/v1/wishes', { schema: { tags, summary: '征集微心愿（价值不超过本单位上限；公开文字不得含姓名、电话、住址、学校）', body: createWishBody } }, async (req, reply) =>
    reply.status(201).send(await createWish(req.ctx, req.body)),
  );
  app.get('/api/v1/wish-settings', { schema: { tags, summary: '单位现行的心愿价值上限、认领期限与送达地点（本单位设置，否则最近上级的，否则 200 元 / 15 天、未设送达地点）', querystring: wishSettingsQuery } }, (req) =>
    getWishSettings(req.ctx, req.query),
  );
  app.put('/api/v1/wish-settings', { schema: { tags, summary: '设置单位的心愿价值上限、认领期限与送达地点（地址、联系电话、接收时间；下级沿用）', body: wishSettingsBody } }, (req) => setWishSettings(req.ctx, req.body));
  app.get('/api/v1/wishes/:id', { schema: { tags, summary: '心愿详情（认领记录只显示脱敏手机号）', params: wishIdParam } }, (req) => getWish(req.ctx, req.params.id));
  app.patch('/api/v1/wishes/:id', { schema: { tags, summary: '修改心愿（发布前）', params: wishIdParam, body: updateWishBody } }, (req) => updateWish(req.ctx, req.params.id, req.body));
  app.post('/api/v1/wishes/:id/transitions', { schema: { tags, summary: '审核、发布、解除认领、登记送达（须先上传照片）、确认圆梦、撤回；不允许的操作返回 422', params: wishIdParam, body: wishTransitionBody } }, (req) =>
    transitionWish(req.ctx, req.params.id, req.body),
  );

  const publicTags = ['public'];
  app.get('/api/public/wishes', { schema: { tags: publicTags, summary: '微心愿公示墙（按单位、价值、状态、对象筛选；分页；只显示编号与脱敏姓名）', security: [], querystring: publicWishesQuery, response: { 200: publicBoardResult } } }, (req) =>
    listPublicWishes(req.ctx, req.query),
  );
  app.get('/api/public/wishes/:id', { schema: { tags: publicTags, summary: '心愿详情（按编号；含认领期限与送达地点）', security: [], params: publicWishParam, response: { 200: publicWishDetailResult } } }, (req) => getPublicWish(req.ctx, req.params.id));
  app.post('/api/public/wishes/:id/claim', { schema: { tags: publicTags, summary: '确认认领心愿（须先验证手机号，验证本身不认领；可留称呼用于致谢，留空为匿名；同一心愿只有一人认领成功）', security: [], params: publicWishParam, body: claimBody, response: { 200: claimResult } } }, (req) =>
    claimWish(req.ctx, req.params.id, req.body.token, req.body.donorName),
  );
  app.get('/api/public/my-claims', { schema: { tags: publicTags, summary: '我认领的心愿（凭手机验证令牌，请求头 x-public-token）', security: [], headers: publicTokenHeaders, response: { 200: myClaimsResult } } }, (req) =>
    myClaims(req.ctx, req.headers['x-public-token']),
  );
}
