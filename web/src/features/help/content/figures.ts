import type { HelpTopic } from './types';

export const dashboardHelp: HelpTopic = {
  title: '领导驾驶舱',
  purpose: '各群团组织的主要数字、年度目标完成情况（对照序时进度）、月度趋势、乡镇对比和填报情况，一屏看全。每个数字都可以点开，查看计入的记录。',
  steps: [
    '右上角选择年度；点击某个组织的卡片进入它自己的驾驶舱，“返回总览”回到上一级。',
    '目标进度条上的虚线是序时进度，进度条在虚线左边较多表示滞后。',
    '“打印”按 A4 纸打印当前驾驶舱，页眉写单位名称和打印日期。',
  ],
  rules: ['expectedProgress', 'scope', 'print'],
  links: [{ label: '年度目标', to: '/targets' }],
};

export const metricsHelp: HelpTopic = {
  title: '数据指标',
  purpose: '系统能计算的每一个数字（指标）：选择单位（含下级）和期间，服务器按台账记录实时计算；点击数字可以看到计入的是哪些记录。报告模板中的占位符就是这里的指标代码。',
  fields: [
    { name: '指标代码', text: '如 loans.amount（放款金额，万元）、activities.sessions（活动场次）、assistance.amount（帮扶金额，元）。写报告模板时使用。' },
    { name: '筛选条件', text: '部分指标可按类型、项目等筛选，写在大括号里，多个值用竖线分隔，如 activities.sessions{type=培训|宣讲}。' },
  ],
  rules: ['scope', 'placeholders'],
};

export const targetsHelp: HelpTopic = {
  title: '年度目标',
  purpose: '给本单位及下级设定年度目标（如“力争发放贷款8000万元”“全年举办培训宣讲52场次”），系统按台账实时计算完成数，并与序时进度比较。',
  steps: [
    '“新增目标”：选择目标单位、指标、比较方式（不少于 / 不超过）和目标值，可写目标表述。',
    '“分解下达”：把目标值分给下级单位；页面显示下级合计与目标的差额。再次分解同一单位即修改其目标值。',
    '点击完成数查看计入的记录。',
  ],
  fields: [
    { name: '目标值', text: '按指标的单位填写（金额为万元或元，人数、场次为整数，比率为百分数）。' },
    { name: '状态', text: '超前、正常、滞后、已完成、未完成，见下方“序时进度”。' },
  ],
  rules: ['expectedProgress', 'scope'],
  links: [{ label: '数据指标', to: '/metrics' }, { label: '领导驾驶舱', to: '/dashboard' }],
};

export const reportsHelp: HelpTopic = {
  title: '工作报告',
  purpose: '按模板生成年度或半年工作总结。报告中的每个数字都由台账实时计算，文末附“数据来源”，写明每个数字的指标、统计单位、期间和数值。',
  steps: [
    '选择报告单位、报告类型（年度 / 半年）和年度；模板选“自动”时依次使用本单位保存的模板、上级单位的模板、默认模板，页面写明将使用哪一个。',
    '“下载 Word”得到按公文格式（GB/T 9704）排版的文件；“打开网页版”可以点击每个数字查看计入的记录；“下载纯文本稿”可直接粘贴到公文系统或微信。',
    '要改写文字，在“报告模板”中新建或编辑模板；每次保存是一个新版本，旧版本留档可查。',
  ],
  rules: ['placeholders', 'figureFormats', 'roles'],
  links: [{ label: '数据指标', to: '/metrics' }],
};

export const templateEditorHelp: HelpTopic = {
  title: '编辑报告模板',
  purpose: '模板是带占位符的文字：“一、”“（一）”开头的行是标题，其余每行一段；占位符在生成时换成实时计算的数字。右侧“实时预览”用所选单位的数据显示生成效果。',
  steps: [
    '从默认模板开始，或在空白处直接写。',
    '用“插入数字”选择指标、统计单位、期间和格式，不必手写占位符。',
    '保存时整篇校验：指标、筛选条件、单位、格式有误的，写明是第几行、哪个占位符。保存说明可写本次改了什么。',
  ],
  fields: [
    { name: '# 标题', text: '报告标题；开头连续几行 # 组成多行标题。' },
    { name: '一、… / （一）…', text: '一级标题（黑体）、二级标题（楷体）；“（一）小标题。”句号之后为该段正文。' },
    { name: '@妇联 = 单位代码', text: '设定行：同一层有两个妇联时指定用哪一个（只适用于本单位自己的模板）。' },
    { name: '// …', text: '注释，不写入报告。' },
    { name: '{{targets}}', text: '单独一行：列出下一年度目标，没有目标时不写。' },
  ],
  rules: ['placeholders', 'figureFormats', 'roles'],
};

export const duplicateHelp: HelpTopic = {
  title: '重复帮扶预警',
  purpose: '找出同一人在同一期间、同一项目下被两个及以上单位帮扶的情况，避免重复帮扶、遗漏他人。',
  steps: ['选择单位、期间和帮扶项目；列表中每一行是一位被重复帮扶的人，列出各单位的帮扶记录。'],
  rules: ['scope', 'period', 'personalData'],
};

export const unassistedHelp: HelpTopic = {
  title: '未帮扶人员',
  purpose: '列出人员库中属于某类别（如困难职工、单亲贫困母亲）、但在所选年度没有任何帮扶记录的人员，便于查漏补缺。',
  steps: ['选择单位、年度和人员类别；可导出 Excel 分发给各单位核实。'],
  rules: ['scope', 'personalData'],
};
