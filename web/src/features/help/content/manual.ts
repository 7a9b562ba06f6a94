import type { RuleKey } from './types';

/** One step of the 使用手册: who does it, what to do, where. */
export interface ManualStep {
  title: string;
  who: string;
  text: string[];
  links: { label: string; to: string }[];
}

/**
 * 使用手册: a county that starts with an empty system, from 首次设置 to the annual report, in the
 * order the work is done. Every step names the page that does it (routes.tsx).
 */
export const manualSteps: ManualStep[] = [
  {
    title: '首次设置：建立县委和群团组织',
    who: '系统管理员',
    text: [
      '用系统管理员账号登录；系统中还没有组织架构时会自动打开“首次设置”。',
      '填写县（区）名称、6 位行政区划代码、单位编码前缀（如 QH），勾选本县设有的群团组织（总工会、团县委、妇联、科协、机关工委、党校），点“建立组织架构”。',
    ],
    links: [{ label: '首次设置', to: '/setup' }],
  },
  {
    title: '导入下级单位',
    who: '系统管理员或组织管理员',
    text: [
      '下载组织架构导入模板，把乡镇工会、乡镇妇联、乡镇团委、村妇联、团支部、企业工会等填进去（上级单位写编码或名称均可）。',
      '上传后先核对，有错误的行改正后重新上传，全部正确再确认导入。导错了可在“导入记录”中整批撤销。',
      '在“组织管理”中检查单位树，登记各单位的荣誉称号（规范化建设达标、五好基层妇女组织等）。',
    ],
    links: [
      { label: '导入组织架构', to: '/setup/import/orgs' },
      { label: '组织管理', to: '/orgs' },
    ],
  },
  {
    title: '开通用户',
    who: '系统管理员或组织管理员',
    text: [
      '下载用户导入模板，每行一个用户：用户名、姓名、手机、角色、所在单位。角色决定能做什么，单位决定能看到哪些数据（本单位及全部下级）。',
      '导入后立即下载“初始密码表”（只能下载一次），分发给本人；每人首次登录须修改密码。个别用户也可在“用户管理”中新建、授权、停用或重置密码。',
    ],
    links: [
      { label: '导入用户', to: '/setup/import/users' },
      { label: '用户管理', to: '/users' },
    ],
  },
  {
    title: '建立人员库和家庭',
    who: '各单位工作人员',
    text: [
      '困难职工、留守儿童、春蕾女童、单亲贫困母亲等人员按身份证号登记，全县只登记一次，各单位共用；已有名册的用“数据导入”整表导入。',
      '需要以户为单位管理的，在“家庭管理”中建立家庭并添加成员。',
    ],
    links: [
      { label: '人员管理', to: '/people' },
      { label: '家庭管理', to: '/households' },
      { label: '数据导入', to: '/imports' },
    ],
  },
  {
    title: '填报台账',
    who: '各单位工作人员（基层联络员填本单位的）',
    text: [
      '日常工作随时登记：活动（场次、人次）、帮扶救助（对象、项目、金额）、妇女小额贷款、集体合同。',
      '已有的 Excel 台账用“数据导入”导入：列名与模板不同也可以，逐列指定对应项目即可，并可保存这种对应下次自动使用。',
      '每月看一看“重复帮扶预警”和“未帮扶人员”，避免重复帮扶和遗漏。',
    ],
    links: [
      { label: '活动台账', to: '/activities' },
      { label: '帮扶救助台账', to: '/assistance' },
      { label: '妇女小额贷款', to: '/loans' },
      { label: '集体合同', to: '/contracts' },
      { label: '重复帮扶预警', to: '/checks/duplicate-assistance' },
    ],
  },
  {
    title: '办理个案、开展评选和关爱活动',
    who: '个案工作者、各单位工作人员',
    text: [
      '来访、来电登记为个案，按时限受理、办理、办结、回访、归档；登记表和办理单可以打印后签字存档。',
      '困境儿童、留守儿童摸底排查由县级发起、各乡镇登记；高风险儿童限期干预并结对。',
      '评选表彰、微心愿、结对帮扶、志愿服务按各自页面的步骤进行，结果都计入统计。',
    ],
    links: [
      { label: '个案收件箱', to: '/cases' },
      { label: '摸底排查', to: '/screenings' },
      { label: '评选表彰', to: '/campaigns' },
      { label: '微心愿', to: '/wishes' },
    ],
  },
  {
    title: '设定年度目标',
    who: '县级各群团组织',
    text: [
      '年初在“年度目标”中设定目标（如发放贷款 8000 万元、举办培训宣讲 52 场次），并“分解下达”给乡镇。',
      '完成数由台账实时计算，并与序时进度对照，显示超前、正常或滞后。',
    ],
    links: [{ label: '年度目标', to: '/targets' }],
  },
  {
    title: '随时查看：领导驾驶舱和数据指标',
    who: '领导、各单位',
    text: ['“领导驾驶舱”一屏看各组织的主要数字、目标进度、月度趋势、乡镇对比和填报情况，可以打印。', '“数据指标”按任意单位和期间计算任一指标，点击数字可查看计入的记录。'],
    links: [
      { label: '领导驾驶舱', to: '/dashboard' },
      { label: '数据指标', to: '/metrics' },
    ],
  },
  {
    title: '生成年度报告',
    who: '县委、各群团组织、乡镇',
    text: [
      '在“工作报告”中选择报告单位、报告类型（年度或半年）和年度，下载 Word（公文格式）、打开网页版或下载纯文本稿。',
      '报告中的每个数字都由台账计算，文末附数据来源；默认模板按角色（@妇联、@工会……）写成，任何县、任何乡镇都能直接使用。',
      '需要改写文字的，在“报告模板”中新建本单位的模板，用“插入数字”放入数字；下级单位没有自己的模板时沿用上级的。',
    ],
    links: [{ label: '工作报告', to: '/reports' }],
  },
];

/** The rules the manual explains in full at its end. */
export const manualRules: RuleKey[] = ['scope', 'expectedProgress', 'figureFormats', 'placeholders', 'roles', 'imports', 'caseDeadlines', 'personalData', 'dates', 'money', 'print'];
