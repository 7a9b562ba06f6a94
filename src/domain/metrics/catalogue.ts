import { assistanceForms, contractTypes, loanStatuses } from '../ledgers/catalogs';
import { designationLevels, orgKinds } from '../org';
import { caseChannels, caseKinds, caseOutcomes } from '../cases/kinds';
import { helpedRoles, helperRoles } from '../pairings/kinds';
import { wishBeneficiaryKinds } from '../wishes/flow';

/**
 * The metric catalogue as data (contract "Metric codes" + docs seed-figures). A metric is
 * `<ledger>.<measure>` with optional filters; it is always computed over a unit's whole subtree
 * and an inclusive period. Adding a metric = one entry here + one query function on the server
 * (src/server/modules/metrics/metrics.queries.ts).
 */
export const metricUnits = ['项', '场次', '人次', '件', '名', '元', '万元', '笔', '个', '%', '人', '户', '份', '对', '次'] as const;
export type MetricUnit = (typeof metricUnits)[number];

export const metricLedgers = ['activities', 'assistance', 'loans', 'contracts', 'households', 'orgs', 'designations', 'people', 'cases', 'pairings', 'wishes', 'campaigns'] as const;
export type MetricLedger = (typeof metricLedgers)[number];

/**
 * How the integer the query returns becomes the figure: a count as is; 分 → 元 (2 decimals) or
 * 万元 (4 decimals); a percentage in hundredths (9850 → 98.5).
 */
export type MetricValueKind = 'count' | 'fen_yuan' | 'fen_wan' | 'percent_hundredths';

export interface MetricFilterDef {
  name: string;
  label: string;
  description: string;
  /** when set, only these values are accepted */
  values?: readonly string[];
  /** the metric means nothing without it */
  required?: boolean;
}

export interface MetricDef {
  code: string;
  label: string;
  unit: MetricUnit;
  ledger: MetricLedger;
  valueKind: MetricValueKind;
  filters: readonly MetricFilterDef[];
  description: string;
}

const filter = {
  type: { name: 'type', label: '活动类型', description: '活动类型（培训、宣讲、党课……），多个用 | 分隔表示“或”' },
  target: { name: 'target', label: '活动对象', description: '对象之一与之相同的活动（如 妇女、青年）' },
  program: { name: 'program', label: '帮扶项目', description: '帮扶项目（送温暖、春蕾计划、助学……）' },
  form: { name: 'form', label: '帮扶形式', description: '帮扶形式', values: assistanceForms },
  category: { name: 'category', label: '人员类别', description: '受助人（或人员）具有的人员类别（困难职工、困境儿童……）' },
  funder: { name: 'funder', label: '资金来源', description: '资金来源/捐助单位' },
  loanStatus: { name: 'status', label: '状态', description: '贷款当前状态', values: loanStatuses },
  bank: { name: 'bank', label: '贷款银行', description: '贷款银行' },
  contractType: { name: 'type', label: '合同类型', description: '集体合同类型', values: contractTypes },
  kind: { name: 'kind', label: '组织类型', description: '组织类型代码（grassroots_union、womens_branch……）', values: orgKinds },
  designation: { name: 'designation', label: '命名/荣誉', description: '在期间所在年度获得该命名或荣誉的组织' },
  outcome: { name: 'name', label: '成果名称', description: '活动成果名称（签订就业合同、解决问题……）', required: true },
  title: { name: 'title', label: '命名/荣誉名称', description: '命名或荣誉名称（巾帼文明岗、规范化建设达标……）' },
  level: { name: 'level', label: '级别', description: '命名级别', values: designationLevels },
} as const satisfies Record<string, MetricFilterDef>;

const caseFilter = {
  kind: { name: 'kind', label: '个案类型', description: '个案类型（信访、纠纷调解、家庭暴力……），多个用 | 分隔', values: caseKinds },
  outcome: { name: 'outcome', label: '办结结果', description: '办结结果（化解、调解成功、转介、其他）', values: caseOutcomes },
  channel: { name: 'channel', label: '来源渠道', description: '来源渠道（来访、来电、网上、转办）', values: caseChannels },
} as const satisfies Record<string, MetricFilterDef>;
const caseScope = '受理单位在本辖区内的个案（含保密个案，只计数不列明细）';

const pairingFilter = {
  helper: { name: 'helper', label: '帮扶方身份', description: '帮扶方身份（爱心妈妈、党员、巾帼文明岗……）', values: helperRoles },
  helped: { name: 'helped', label: '受助方类别', description: '受助方类别（留守儿童、春蕾女童、单亲困难母亲……）', values: helpedRoles },
} as const satisfies Record<string, MetricFilterDef>;
const pairingFilters = [pairingFilter.helper, pairingFilter.helped];
const pairingScope = '建立结对的单位在本辖区内';
const wishFilters = [{ name: 'kind', label: '心愿对象', description: '心愿对象（儿童、老人、妇女）', values: wishBeneficiaryKinds }] as const satisfies readonly MetricFilterDef[];
const wishScope = '征集心愿的单位在本辖区内';
const campaignFilters = [
  { name: 'kind', label: '评选类型', description: '评选类型（最美家庭、十佳妇女小贷项目……），多个用 | 分隔' },
  { name: 'title', label: '评选名称', description: '评选活动的名称（与名称完全相同）' },
] as const satisfies readonly MetricFilterDef[];
const campaignScope = '主办评选的单位在本辖区内（按主办单位，不按推荐单位）';

const activityFilters = [filter.type, filter.target];
const assistanceFilters = [filter.program, filter.form, filter.category, filter.funder];
const loanFilters = [filter.loanStatus, filter.bank];
const orgFilters = [filter.kind, filter.designation];
const designationFilters = [filter.title, filter.level];

const activityScope = '主办单位或任一联合单位在本辖区内的活动（每项活动只计一次），开始日期在期间内';

export const metricCatalogue: readonly MetricDef[] = [
  { code: 'activities.count', label: '活动数', unit: '项', ledger: 'activities', valueKind: 'count', filters: activityFilters, description: `活动记录数：${activityScope}` },
  { code: 'activities.sessions', label: '活动场次', unit: '场次', ledger: 'activities', valueKind: 'count', filters: activityFilters, description: `场次（期数）之和：${activityScope}` },
  { code: 'activities.participants', label: '参与人次', unit: '人次', ledger: 'activities', valueKind: 'count', filters: activityFilters, description: `参与人次之和：${activityScope}` },
  {
    code: 'activities.outcome',
    label: '活动成果',
    unit: '个',
    ledger: 'activities',
    valueKind: 'count',
    filters: [filter.outcome, ...activityFilters],
    description: `指定成果（如 签订就业合同）的数值之和：${activityScope}；单位取成果记录的单位`,
  },
  { code: 'assistance.count', label: '帮扶件数', unit: '件', ledger: 'assistance', valueKind: 'count', filters: assistanceFilters, description: '帮扶日期在期间内的帮扶救助记录数' },
  { code: 'assistance.beneficiaries', label: '受助人数', unit: '名', ledger: 'assistance', valueKind: 'count', filters: assistanceFilters, description: '期间内受到帮扶的不同人员数（同一人只计一次）' },
  { code: 'assistance.households', label: '受助户数', unit: '户', ledger: 'assistance', valueKind: 'count', filters: assistanceFilters, description: '期间内受到帮扶的不同家庭数（按帮扶记录所属家庭）' },
  { code: 'assistance.amount', label: '帮扶金额', unit: '元', ledger: 'assistance', valueKind: 'fen_yuan', filters: assistanceFilters, description: '期间内帮扶的现金与物资折价之和（元，两位小数）' },
  { code: 'households.lifted', label: '脱贫户数', unit: '户', ledger: 'households', valueKind: 'count', filters: [], description: '本辖区内脱贫日期在期间内的家庭数' },
  { code: 'loans.count', label: '放款笔数', unit: '笔', ledger: 'loans', valueKind: 'count', filters: loanFilters, description: '放款日期在期间内的贷款笔数，不论其后状态' },
  { code: 'loans.borrowers', label: '借款人数', unit: '名', ledger: 'loans', valueKind: 'count', filters: loanFilters, description: '这些贷款的不同借款人数' },
  { code: 'loans.amount', label: '放款金额', unit: '万元', ledger: 'loans', valueKind: 'fen_wan', filters: loanFilters, description: '这些贷款的本金之和（万元，四位小数）' },
  { code: 'loans.subsidy', label: '贴息金额', unit: '元', ledger: 'loans', valueKind: 'fen_yuan', filters: loanFilters, description: '这些贷款的贴息之和（元，两位小数）' },
  { code: 'contracts.count', label: '集体合同数', unit: '份', ledger: 'contracts', valueKind: 'count', filters: [filter.contractType], description: '签订日期在期间内的集体合同数' },
  { code: 'contracts.workers', label: '覆盖职工人数', unit: '人', ledger: 'contracts', valueKind: 'count', filters: [filter.contractType], description: '这些集体合同覆盖的职工人数之和' },
  {
    code: 'orgs.count',
    label: '组织数',
    unit: '个',
    ledger: 'orgs',
    valueKind: 'count',
    filters: orgFilters,
    description: '期末存在的组织数（成立日期为空或不晚于期末，撤销日期为空或晚于期末），含本级',
  },
  { code: 'orgs.new', label: '新建组织数', unit: '个', ledger: 'orgs', valueKind: 'count', filters: orgFilters, description: '成立日期在期间内的组织数' },
  {
    code: 'orgs.rate',
    label: '达标率',
    unit: '%',
    ledger: 'orgs',
    valueKind: 'percent_hundredths',
    filters: [filter.kind, { ...filter.designation, required: true, description: '期末所在年度获得该命名的组织占比' }],
    description: '期末存在的组织（可按类型）中，期末所在年度获得指定命名者所占百分比（两位小数）',
  },
  { code: 'designations.count', label: '命名/荣誉数', unit: '个', ledger: 'designations', valueKind: 'count', filters: designationFilters, description: '本辖区组织在期间所在年度获得的命名/荣誉数' },
  { code: 'designations.list', label: '命名/荣誉清单', unit: '项', ledger: 'designations', valueKind: 'count', filters: designationFilters, description: '同 designations.count，明细列出各项命名/荣誉' },
  {
    code: 'people.count',
    label: '人员数',
    unit: '人',
    ledger: 'people',
    valueKind: 'count',
    filters: [filter.category],
    description: '由本辖区组织登记、或在本辖区组织的台账记录（截至期末）中出现的不同人员数',
  },
  { code: 'cases.count', label: '个案数', unit: '件', ledger: 'cases', valueKind: 'count', filters: [caseFilter.kind, caseFilter.outcome, caseFilter.channel], description: `登记日期在期间内的个案数：${caseScope}` },
  { code: 'cases.resolved', label: '办结个案数', unit: '件', ledger: 'cases', valueKind: 'count', filters: [caseFilter.kind, caseFilter.outcome], description: `办结日期在期间内的个案数（重新办理的以最近一次办结为准）：${caseScope}` },
  { code: 'cases.overdue', label: '超期个案数', unit: '件', ledger: 'cases', valueKind: 'count', filters: [caseFilter.kind], description: `期末超过受理或办理时限仍未完成该环节的个案数：${caseScope}` },
  { code: 'pairings.count', label: '结对数', unit: '对', ledger: 'pairings', valueKind: 'count', filters: pairingFilters, description: `结对日期在期间内的结对帮扶数：${pairingScope}` },
  { code: 'pairings.active', label: '在结对数', unit: '对', ledger: 'pairings', valueKind: 'count', filters: pairingFilters, description: `期末仍在结对（已开始、未结束）的结对帮扶数：${pairingScope}` },
  { code: 'pairings.visits', label: '结对联系次数', unit: '次', ledger: 'pairings', valueKind: 'count', filters: pairingFilters, description: `联系日期在期间内的走访、电话等联系次数：${pairingScope}` },
  { code: 'pairings.helpers', label: '结对帮扶方数', unit: '个', ledger: 'pairings', valueKind: 'count', filters: pairingFilters, description: `期间内结对的不同帮扶方（单位或个人）数，同一帮扶方只计一次：${pairingScope}` },
  { code: 'pairings.helped', label: '结对受助方数', unit: '名', ledger: 'pairings', valueKind: 'count', filters: pairingFilters, description: `期间内结对的不同受助方（个人或家庭）数，同一受助方只计一次：${pairingScope}` },
  { code: 'wishes.published', label: '发布心愿数', unit: '个', ledger: 'wishes', valueKind: 'count', filters: wishFilters, description: `首次发布日期在期间内的微心愿数：${wishScope}` },
  { code: 'wishes.claimed', label: '认领心愿数', unit: '个', ledger: 'wishes', valueKind: 'count', filters: wishFilters, description: `期间内被认领的不同微心愿数（认领后逾期释放又被认领的只计一次）：${wishScope}` },
  { code: 'wishes.fulfilled', label: '圆梦心愿数', unit: '个', ledger: 'wishes', valueKind: 'count', filters: wishFilters, description: `确认圆梦日期在期间内的微心愿数：${wishScope}` },
  { code: 'campaigns.nominees', label: '评选推荐数', unit: '个', ledger: 'campaigns', valueKind: 'count', filters: campaignFilters, description: `提名（推荐）日期在期间内的被推荐对象数，不论审核结果（已撤回的推荐不计）：${campaignScope}` },
  { code: 'campaigns.winners', label: '评选获奖数', unit: '个', ledger: 'campaigns', valueKind: 'count', filters: campaignFilters, description: `表彰日期在期间内的评选中获评的对象数：${campaignScope}` },
  { code: 'campaigns.votes', label: '有效投票数', unit: '次', ledger: 'campaigns', valueKind: 'count', filters: campaignFilters, description: `投票日期在期间内的有效公众投票数（已作废的不计）：${campaignScope}` },
];

const byCode = new Map(metricCatalogue.map((m) => [m.code, m]));

export function findMetric(code: string): MetricDef | undefined {
  return byCode.get(code);
}

export function metricCodes(): string[] {
  return metricCatalogue.map((m) => m.code);
}
