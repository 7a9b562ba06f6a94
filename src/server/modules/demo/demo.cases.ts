import type { Insertable } from 'kysely';
import { addDays, defaultAcceptDays, defaultHandleDays, highRiskChildHandleDays } from '../../../domain/cases/deadlines';
import type { CaseOutcome } from '../../../domain/cases/kinds';
import { isConfidentialKind } from '../../../domain/cases/kinds';
import { newId } from '../../../domain/ids';
import { actorName, type Ctx, nowIso } from '../../context';
import type { DB } from '../../db/types';
import { appendAudit } from '../audit/audit.service';
import { dateOf, dayNumber, mulberry32, randomDate } from './demo.data';
import type { UnitPlan } from './demo.plan';

/**
 * The demo county's cases (个案), written as the case service and its state machine would leave
 * them (registered → 受理 → 办理 with a handler → 办结, each step an event of the timeline, the
 * deadlines from the default days, confidential accounts encrypted): 县总工会 receives 38 信访 in
 * the year; the 妇联 side closes 26 纠纷调解 and resolves (化解) 47 信访 at its 信访代理工作室; a few
 * cases are still open with deadlines near or past, and 困境儿童 / 家庭暴力 cases wait for the case
 * workers xf-fl and wq-zgh. Dates lie in the demo year and never after the last day.
 */

export const demoCaseFigures = { zghPetitions: 38, mediationsClosed: 26, petitionsResolved: 47 } as const;

type Kind = '信访' | '纠纷调解' | '劳动争议' | '困境儿童' | '家庭暴力';
export interface CasePlan {
  orgCode: string;
  kind: Kind;
  subkind: string | null;
  channel: '来访' | '来电' | '网上';
  summary: string;
  risk: '高' | '中' | null;
  handler: 'xf-fl' | 'wq-zgh';
  registeredOn: string;
  acceptedOn: string | null;
  closed: { on: string; outcome: CaseOutcome; text: string } | null;
}

const petitionTopics = ['反映企业拖欠工资', '咨询工伤认定程序', '反映劳动合同未续签', '反映社会保险未足额缴纳', '反映加班费计算问题', '咨询女职工产假待遇'];
const womenTopics = ['反映宅基地分配中妇女权益问题', '反映离婚后子女探视受阻', '咨询土地承包经营权确权', '反映村务中妇女权益未落实', '反映赡养费未按约支付'];
const mediationTopics: Record<string, string> = { 婆媳: '婆媳因家务分担发生矛盾', 夫妻: '夫妻因家庭开支发生争执', 抚养: '离婚后子女抚养费支付纠纷', 赡养: '兄妹间老人赡养分担纠纷', 邻里: '邻里因院墙界址发生纠纷' };

export function buildCasePlan(year: number, lastDay: string, units: readonly UnitPlan[]): CasePlan[] {
  const rng = mulberry32((year * 69069) ^ 0x0ca5e);
  const first = `${year}-01-01`;
  const clamp = (d: string) => (d > lastDay ? lastDay : d < first ? first : d);
  const after = (d: string, min: number, max: number) => clamp(addDays(d, rng.int(min, max)));
  const ago = (n: number) => clamp(dateOf(dayNumber(lastDay) - n));
  const studios = units.filter((u) => u.role === 'village-women' || u.role === 'town-women' || (u.role === 'organ-women' && Number(u.code.slice(-2)) <= 6));
  const plans: CasePlan[] = [];
  const closedCase = (orgCode: string, kind: Kind, subkind: string | null, summary: string, handler: CasePlan['handler'], outcome: CaseOutcome, text: string) => {
    const registeredOn = randomDate(rng, first, lastDay);
    const acceptedOn = after(registeredOn, 0, 5);
    plans.push({ orgCode, kind, subkind, channel: rng.pick(['来访', '来访', '来电', '网上'] as const), summary, risk: null, handler, registeredOn, acceptedOn, closed: { on: after(acceptedOn, 3, 40), outcome, text } });
  };
  const openCase = (p: Omit<CasePlan, 'channel' | 'closed' | 'registeredOn' | 'acceptedOn'>, registeredAgo: number, acceptedAgo: number | null) =>
    plans.push({ ...p, channel: '来访', registeredOn: ago(registeredAgo), acceptedOn: acceptedAgo === null ? null : ago(acceptedAgo), closed: null });

  // ---- 县总工会: 38 信访 registered in the year (30 closed, 5 in hand, 3 awaiting acceptance), and 5 劳动争议
  for (let i = 0; i < 30; i++) {
    const outcome: CaseOutcome = i < 22 ? '化解' : i < 27 ? '其他' : '转介';
    closedCase('LD-ZGH', '信访', null, rng.pick(petitionTopics), 'wq-zgh', outcome, outcome === '转介' ? '已转县人社局劳动监察大队处理' : '经协调，诉求已答复');
  }
  [70, 64, 30, 12, 5].forEach((a) => openCase({ orgCode: 'LD-ZGH', kind: '信访', subkind: null, summary: rng.pick(petitionTopics), risk: null, handler: 'wq-zgh' }, a + 2, a));
  [20, 13, 2].forEach((r) => openCase({ orgCode: 'LD-ZGH', kind: '信访', subkind: null, summary: rng.pick(petitionTopics), risk: null, handler: 'wq-zgh' }, r, null));
  for (let i = 0; i < 4; i++) closedCase('LD-ZGH', '劳动争议', null, '职工与企业就解除劳动合同补偿发生争议', 'wq-zgh', i < 3 ? '调解成功' : '转介', '双方达成调解协议');
  openCase({ orgCode: 'LD-ZGH', kind: '劳动争议', subkind: null, summary: '职工与企业就工伤待遇发生争议', risk: null, handler: 'wq-zgh' }, 9, 8);

  // ---- 妇联 side: 26 纠纷调解 closed, 3 in hand; 47 信访 化解 at the 信访代理工作室, 5 otherwise closed, 4 open
  const subkinds = Object.keys(mediationTopics);
  for (let i = 0; i < demoCaseFigures.mediationsClosed; i++) {
    const sub = subkinds[i % subkinds.length];
    closedCase(rng.pick(studios).code, '纠纷调解', sub, mediationTopics[sub], 'xf-fl', i < 23 ? '调解成功' : '其他', i < 23 ? '双方达成和解，签订调解协议' : '当事人撤回调解申请');
  }
  [50, 20, 6].forEach((a, i) => openCase({ orgCode: rng.pick(studios).code, kind: '纠纷调解', subkind: subkinds[i], summary: mediationTopics[subkinds[i]], risk: null, handler: 'xf-fl' }, a + 1, a));
  for (let i = 0; i < demoCaseFigures.petitionsResolved; i++) closedCase(rng.pick(studios).code, '信访', null, rng.pick(womenTopics), 'xf-fl', '化解', '经信访代理员协调，问题得到解决');
  for (let i = 0; i < 5; i++) closedCase(rng.pick(studios).code, '信访', null, rng.pick(womenTopics), 'xf-fl', i < 3 ? '其他' : '转介', i < 3 ? '已向当事人解释政策' : '已转县信访局');
  [[40, 38], [25, 24], [17, null], [4, null]].forEach(([r, a]) => openCase({ orgCode: rng.pick(studios).code, kind: '信访', subkind: null, summary: rng.pick(womenTopics), risk: null, handler: 'xf-fl' }, r as number, a));

  // ---- confidential cases for 县妇联's case worker: 困境儿童 (one high-risk, due within days) and one 家庭暴力
  openCase({ orgCode: 'LD-FL', kind: '困境儿童', subkind: null, summary: '父母外出务工，儿童由年迈祖母照看，长期缺乏监护', risk: '高', handler: 'xf-fl' }, 5, 4);
  openCase({ orgCode: 'LD-FL', kind: '困境儿童', subkind: null, summary: '儿童因病辍学，家庭经济困难', risk: '中', handler: 'xf-fl' }, 3, null);
  for (const text of ['已协调民政部门纳入事实无人抚养儿童保障', '已联系学校和村妇联落实结对帮扶']) {
    closedCase('LD-FL', '困境儿童', null, '儿童监护缺失，需落实保障', 'xf-fl', '转介', text);
  }
  openCase({ orgCode: 'LD-FL', kind: '家庭暴力', subkind: null, summary: '当事人反映长期遭受配偶殴打，已报警', risk: null, handler: 'xf-fl' }, 8, 7);
  return plans;
}

export async function writeDemoCases(tx: Ctx, plans: readonly CasePlan[], refs: { unitId: (code: string) => string; userId: (username: string) => string }): Promise<number> {
  const now = nowIso(tx);
  const actor = actorName(tx.actor);
  const cases: Insertable<DB['cases']>[] = [];
  const events: Insertable<DB['case_events']>[] = [];
  for (const p of plans) {
    const id = newId();
    const handleDays = p.kind === '困境儿童' && p.risk === '高' ? highRiskChildHandleDays : defaultHandleDays;
    const handlerId = p.acceptedOn ? refs.userId(p.handler) : null;
    const status = p.closed ? '办结' : p.acceptedOn ? '办理' : '登记';
    const confidential = isConfidentialKind(p.kind);
    cases.push({
      id, org_id: refs.unitId(p.orgCode), kind: p.kind, subkind: p.subkind, channel: p.channel, confidential: confidential ? 1 : 0,
      summary: confidential ? tx.crypto.encrypt(p.summary) : p.summary, risk_level: p.kind === '困境儿童' ? p.risk : null, warning_no: null, warning_on: null,
      status, handler_id: handlerId, pending_to_org: null, registered_on: p.registeredOn, accepted_on: p.acceptedOn, rejected_on: null, reject_reason: null,
      due_accept_on: addDays(p.registeredOn, defaultAcceptDays), due_handle_on: p.acceptedOn ? addDays(p.acceptedOn, handleDays) : null,
      closed_on: p.closed?.on ?? null, outcome: p.closed?.outcome ?? null, outcome_text: p.closed?.text ?? null,
      created_by: null, created_at: now, updated_at: now, deleted_at: null,
    });
    // the timeline: 09:00, 10:00 … Asia/Shanghai on each day
    const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const ev = (seq: number, day: string, action: string, from: string | null, to: string, note: string | null, data: object) =>
      events.push({ id: newId(), case_id: id, seq, at: at(day, seq), actor, action, from_status: from, to_status: to, note, data: JSON.stringify(data) });
    ev(1, p.registeredOn, 'register', null, '登记', null, { channel: p.channel });
    if (p.acceptedOn) {
      ev(2, p.acceptedOn, 'accept', '登记', '受理', null, { handleDays });
      ev(3, p.acceptedOn, 'assign', '受理', '办理', null, { handlerId });
    }
    if (p.closed) ev(4, p.closed.on, 'close', '办理', '办结', p.closed.text, { outcome: p.closed.outcome });
  }
  for (let i = 0; i < cases.length; i += 200) await tx.db.insertInto('cases').values(cases.slice(i, i + 200)).execute();
  for (let i = 0; i < events.length; i += 300) await tx.db.insertInto('case_events').values(events.slice(i, i + 300)).execute();
  await appendAudit(tx, { action: 'seed', entity: 'case', detail: { cases: cases.length, events: events.length, source: 'demo' } });
  return cases.length;
}
