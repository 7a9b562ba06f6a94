import type { HelpTopic } from './types';

const listSteps = [
  '在上方选择单位（含下级）、起止日期、类型等条件，或输入关键词搜索；列表和合计随之更新。',
  '点击名称打开一条记录查看详情和附件，可修改或删除；“新增”登记一条新记录。',
  '“导出 Excel”导出当前筛选条件下的全部记录；“打印”按 A4 纸打印同样的全部记录。',
  '已有 Excel 台账的，用“数据导入”整表导入，不必逐条录入。',
];
const listRules: HelpTopic['rules'] = ['scope', 'period', 'print'];
const importLink = { label: '数据导入', to: '/imports' };

export const activitiesHelp: HelpTopic = {
  title: '活动台账',
  purpose: '登记本单位举办的培训、宣讲、会议、竞赛、招聘会、文体和公益活动，按期（场次）和人次统计。报告和驾驶舱中的活动场次、参与人次都从这里计算。',
  steps: listSteps,
  fields: [
    { name: '活动名称', text: '如“巾帼讲堂第3期”。' },
    { name: '活动类型', text: '培训、宣讲、会议等，可从列表选，也可直接输入本单位自己的类型。报告中常按类型统计（如只数培训和宣讲）。' },
    { name: '开始日期 / 结束日期', text: '按开始日期归入年度和期间；一天的活动不填结束日期。' },
    { name: '场次', text: '这次活动举办了几期（场）；不填按 1 场计。' },
    { name: '参与人次', text: '参加的人次合计。' },
    { name: '活动对象', text: '如妇女群众、职工、青少年。' },
    { name: '活动成果', text: '可填多项，如“签订就业合同 150 份”“解决问题 235 个”，报告可统计成果数量。' },
    { name: '联合单位', text: '一起举办的单位。统计某单位（含下级）时，它主办或联合举办的活动都计入，但每项活动只计一次。' },
  ],
  rules: listRules,
  links: [importLink, { label: '数据指标', to: '/metrics' }],
};

export const assistanceHelp: HelpTopic = {
  title: '帮扶救助台账',
  purpose: '登记送温暖、一帮一、春蕾计划、母亲邮包、助学、就业援助、医疗救助等帮扶：帮扶了谁、哪个项目、现金还是物资、多少钱、谁出资。',
  steps: [...listSteps, '同一人同一期间被两个以上单位在同一项目下帮扶时，会出现在“重复帮扶预警”中。'],
  fields: [
    { name: '帮扶对象', text: '从人员库中按姓名或完整身份证号查找；人员库中没有的，填写姓名和身份证号，系统自动建立人员记录。' },
    { name: '帮扶项目', text: '可从列表选，也可直接输入本单位的项目。' },
    { name: '帮扶形式', text: '现金、物资、服务、就业。现金须填金额；物资填物资名称和折合金额。' },
    { name: '金额 / 折合金额', text: '以元填写，如 1000 或 1,000.50。' },
    { name: '帮扶日期', text: '发放或送达的日期，按它归入年度和期间。' },
    { name: '资金来源', text: '如爱心企业名称、上级专项资金。' },
  ],
  rules: [...listRules, 'money', 'personalData'],
  links: [importLink, { label: '重复帮扶预警', to: '/checks/duplicate-assistance' }, { label: '未帮扶人员', to: '/checks/unassisted' }],
};

export const loansHelp: HelpTopic = {
  title: '妇女小额贷款',
  purpose: '登记妇女创业担保贷款：借款人、银行、金额、期限、贴息和创业项目，以及从申请到还清或逾期的状态。',
  steps: [...listSteps, '在一笔贷款的详情页变更状态（放款、还清、逾期）。'],
  fields: [
    { name: '借款人', text: '从人员库查找，或填写姓名和身份证号。' },
    { name: '贷款金额', text: '以万元填写，如 5 或 10.5。' },
    { name: '期限', text: '以月计。' },
    { name: '年利率 / 贴息比例', text: '百分数，如年利率 4.35、贴息比例 100。' },
    { name: '放款日期 / 到期日期', text: '已放款的贷款须填写放款日期；到期日期留空则按放款日期和期限推算。放款金额、放款笔数按放款日期统计，不论其后状态。' },
    { name: '贴息金额', text: '以元计；留空则按贷款金额、年利率、期限和贴息比例计算。' },
    { name: '状态', text: '申请中、已放款、已还清、逾期。' },
  ],
  rules: [...listRules, 'money', 'personalData'],
  links: [importLink],
};

export const contractsHelp: HelpTopic = {
  title: '集体合同',
  purpose: '登记工会推动签订的集体合同：企业、合同类型（综合、女职工专项、工资专项）、覆盖职工人数和签订日期。',
  steps: listSteps,
  fields: [
    { name: '企业名称', text: '签订合同的企业全称。' },
    { name: '合同类型', text: '综合、女职工专项、工资专项。' },
    { name: '覆盖职工人数', text: '合同覆盖的职工人数，报告中按它合计。' },
    { name: '签订日期 / 到期日期', text: '按签订日期归入年度和期间。' },
  ],
  rules: listRules,
  links: [importLink],
};

export const ledgerRecordHelp: HelpTopic = {
  title: '台账记录',
  purpose: '一条台账记录的详情、登记和修改。保存前系统逐项检查，有问题的项目会写明原因。',
  steps: [
    '新增或修改后点“保存”；必填项没有填写或格式不对时，该项下方会写明原因。',
    '详情页可上传附件（照片、签到表、合同扫描件等）。',
    '删除记录须写明原因；删除的记录不再计入任何统计，删除操作记入审计日志。',
  ],
  rules: ['dates', 'money', 'personalData'],
};
