import type { App } from '../../http/types';
import { campaignResults, listNominations, nominate, reviewNomination, scoreNomination } from './selections.nominations';
import { withdrawNomination } from './selections.withdrawal';
import { answerObjection, listObjections, myObjections, submitObjection } from './selections.objections';
import { publicCampaign, publicNomineePhoto } from './selections.public';
import { updatePublication } from './selections.publication';
import {
  advanceBody, answerBody, campaignIdParam, nomineeCodeParam, publicationBody, createCampaignBody, listCampaignsQuery, nominateBody, nominationParam, objectionParam, publicObjectionBody, publicVoteBody, myObjectionsResult, publicTokenHeaders, reviewBody, scoreBody,
  updateCampaignBody, voidVotesBody, withdrawBody,
} from './selections.schemas';
import { advanceCampaign, createCampaign, getCampaign, listCampaigns, updateCampaign } from './selections.service';
import { castVote, voidVotes, voteAnomalies } from './selections.votes';

export function registerSelectionRoutes(app: App): void {
  const tags = ['campaigns'];
  app.get('/api/v1/campaigns', { schema: { tags, summary: '评选表彰列表（主办或有推荐名额的单位可见）', querystring: listCampaignsQuery } }, (req) => listCampaigns(req.ctx, req.query));
  app.post('/api/v1/campaigns', { schema: { tags, summary: '新建评选（类别、候选对象类型、名额、投票与评审规则）', body: createCampaignBody } }, async (req, reply) =>
    reply.status(201).send(await createCampaign(req.ctx, req.body)),
  );
  app.get('/api/v1/campaigns/:id', { schema: { tags, summary: '评选详情（阶段、规则、名额使用情况）', params: campaignIdParam } }, (req) => getCampaign(req.ctx, req.params.id));
  app.patch('/api/v1/campaigns/:id', { schema: { tags, summary: '修改评选规则', params: campaignIdParam, body: updateCampaignBody } }, (req) => updateCampaign(req.ctx, req.params.id, req.body));
  app.post('/api/v1/campaigns/:id/advance', { schema: { tags, summary: '进入下一阶段（提名→审核→投票→评审→公示→表彰）', params: campaignIdParam, body: advanceBody } }, (req) =>
    advanceCampaign(req.ctx, req.params.id, req.body.to),
  );
  app.get('/api/v1/campaigns/:id/nominations', { schema: { tags, summary: '提名列表（主办单位含票数、评分、排名）', params: campaignIdParam } }, (req) => listNominations(req.ctx, req.params.id));
  app.post('/api/v1/campaigns/:id/nominations', { schema: { tags, summary: '提名（占用推荐单位名额）', params: campaignIdParam, body: nominateBody } }, async (req, reply) =>
    reply.status(201).send(await nominate(req.ctx, req.params.id, req.body)),
  );
  app.patch('/api/v1/campaigns/:id/nominations/:nominationId', { schema: { tags, summary: '修改提名的公开信息（公开展示名称、同意公开、事迹）', params: nominationParam, body: publicationBody } }, (req) =>
    updatePublication(req.ctx, req.params.id, req.params.nominationId, req.body),
  );
  app.post('/api/v1/campaigns/:id/nominations/:nominationId/review', { schema: { tags, summary: '审核提名（通过/不通过并说明理由）', params: nominationParam, body: reviewBody } }, (req) =>
    reviewNomination(req.ctx, req.params.id, req.params.nominationId, req.body),
  );
  app.post('/api/v1/campaigns/:id/nominations/:nominationId/withdraw', { schema: { tags, summary: '撤回推荐（提名、审核阶段；须写理由，退回名额）', params: nominationParam, body: withdrawBody } }, (req) =>
    withdrawNomination(req.ctx, req.params.id, req.params.nominationId, req.body),
  );
  app.put('/api/v1/campaigns/:id/nominations/:nominationId/score', { schema: { tags, summary: '评委评分（0–100，本人的评分可修改）', params: nominationParam, body: scoreBody } }, (req) =>
    scoreNomination(req.ctx, req.params.id, req.params.nominationId, req.body),
  );
  app.get('/api/v1/campaigns/:id/results', { schema: { tags, summary: '得分与排名（评委、投票按权重合成）', params: campaignIdParam } }, (req) => campaignResults(req.ctx, req.params.id));
  app.get('/api/v1/campaigns/:id/anomalies', { schema: { tags, summary: '投票异常（集中时段、同一网络地址（IP）多人、夜间投票）', params: campaignIdParam } }, (req) => voteAnomalies(req.ctx, req.params.id));
  app.post('/api/v1/campaigns/:id/votes/void', { schema: { tags, summary: '作废一组异常投票（须写理由，记入审计）', params: campaignIdParam, body: voidVotesBody } }, (req) =>
    voidVotes(req.ctx, req.params.id, req.body),
  );
  app.get('/api/v1/campaigns/:id/objections', { schema: { tags, summary: '公示异议及答复', params: campaignIdParam } }, (req) => listObjections(req.ctx, req.params.id));
  app.post('/api/v1/campaigns/:id/objections/:objectionId/answer', { schema: { tags, summary: '答复异议', params: objectionParam, body: answerBody } }, (req) =>
    answerObjection(req.ctx, req.params.id, req.params.objectionId, req.body),
  );

  const pub = ['public'];
  app.get('/api/public/campaigns/:id', { schema: { tags: pub, summary: '公众评选页（候选对象编号与脱敏名称、票数、公示）', security: [], params: campaignIdParam } }, (req) =>
    publicCampaign(req.ctx, req.params.id),
  );
  app.get('/api/public/campaigns/:id/nominees/:code/photo', { schema: { tags: pub, summary: '候选对象照片（已登记同意公开的候选对象；去除拍摄地点等元数据）', security: [], params: nomineeCodeParam } }, async (req, reply) => {
    const photo = await publicNomineePhoto(req.ctx, req.params.id, req.params.code);
    return reply.type(photo.mime).header('content-disposition', 'inline').header('cache-control', 'public, max-age=300').header('content-length', photo.content.length).send(photo.content);
  });
  app.post('/api/public/campaigns/:id/votes', { schema: { tags: pub, summary: '投票（须先验证手机号；每人每日/每次评选限票，按网络地址（IP）限流）', security: [], params: campaignIdParam, body: publicVoteBody } }, async (req, reply) =>
    reply.status(201).send(await castVote(req.ctx, req.params.id, req.body)),
  );
  app.post('/api/public/campaigns/:id/objections', { schema: { tags: pub, summary: '公示期提出异议（须先验证手机号，可署名；每个手机号每次评选限 3 条，按网络地址（IP）限流）', security: [], params: campaignIdParam, body: publicObjectionBody } }, async (req, reply) =>
    reply.status(201).send(await submitObjection(req.ctx, req.params.id, req.body)),
  );
  app.get('/api/public/my-objections', { schema: { tags: pub, summary: '我提出的公示异议及答复（凭手机验证令牌，请求头 x-public-token）', security: [], headers: publicTokenHeaders, response: { 200: myObjectionsResult } } }, (req) =>
    myObjections(req.ctx, req.headers['x-public-token']),
  );
}
