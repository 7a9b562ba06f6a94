import { buildActivities } from './demo.ledgers-activities';
import { buildAid } from './demo.ledgers-aid';
import { type LedgerPlan, ledgerTargets as T, loanProduct } from './demo.ledgers-util';
import type { PersonPlan } from './demo.people';
import type { UnitPlan } from './demo.plan';

/**
 * The demo county's ledger records for the year, and the table of figures they yield: every figure
 * of the county speech (and the 妇联 half-year report) that comes from activities, assistance, loans,
 * households and contracts. A pure function of the year, the last day records may carry (today, in the
 * current year) and the unit and people plans.
 *
 * Mapping decisions:
 * - "举办大型系列党课3次,'书记讲党课'活动48场": 3 records of type 党课 (one per series) whose 场次 sum
 *   to 48, so count{type=党课} says 3 and sessions{type=党课} says 48.
 * - "解决问题235个": the outcome 解决问题 of 10 "百千万" 公益 activities of 机关工委.
 * - "帮扶物资120余万元": 100 assistance records (program 百千万帮扶, a catalogue item of 机关工委, form 物资).
 * - "为232户…就业创业帮助" is part of "254件": 232 records 一帮一/就业 on households + 22 送温暖 = 254.
 * - 春蕾计划 377 girls all get 现金; 34 of them also 物资 (羽绒服) before the Spring Festival.
 * - The half-year loan figures (389 万元, 71) hold when the seed's last day is on or after 07-01:
 *   before then no loan may be dated in the second half, and all 1266 fall in the first.
 */

export type FigurePeriod = 'year' | 'first-half';
export interface LedgerFigure {
  says: string; // the speech's words
  code: string; // metric code
  filters: Record<string, string>;
  org: string; // unit code: the metric runs over its subtree
  period: FigurePeriod;
  value: number; // exact value of the records (in the metric's unit)
  unit: string;
  spoken?: number; // a 余 figure: the speech's rounded-down number (value rounded down at its last non-zero digit)
  needsSecondHalf?: true; // holds only when the seed's last day is on or after 07-01
}

const fig = (says: string, code: string, filters: Record<string, string>, org: string, value: number, unit: string, more: Partial<LedgerFigure> = {}): LedgerFigure => ({
  says, code, filters, org, period: 'year', value, unit, ...more,
});

export const demoLedgerFigures: readonly LedgerFigure[] = [
  fig('机关工委举办大型系列党课3次', 'activities.count', { type: '党课' }, 'LD-JGGW', T.jggw.lectureSeries, '项'),
  fig('"书记讲党课"活动48场', 'activities.sessions', { type: '党课' }, 'LD-JGGW', T.jggw.lectureSessions, '场次'),
  fig('解决问题235个', 'activities.outcome', { name: '解决问题' }, 'LD-JGGW', T.jggw.problemsSolved, '个'),
  fig('帮扶物资120余万元', 'assistance.amount', { form: '物资' }, 'LD-JGGW', T.jggw.goodsYuan, '元', { spoken: 1_200_000 }),
  fig('聘任兼职教师41人', 'people.count', { category: '兼职教师' }, 'LD-DX', 41, '人'),
  fig('宣讲等活动56期', 'activities.sessions', { type: '宣讲' }, 'LD-DX', T.dx.talkSessions, '场次'),
  fig('教育干部群众6000余人次', 'activities.participants', { type: '宣讲' }, 'LD-DX', T.dx.talkParticipants, '人次', { spoken: 6000 }),
  fig('培训青年1600人次', 'activities.participants', { type: '培训' }, 'LD-TW', T.tw.trainingParticipants, '人次'),
  fig('签订就业合同150余份', 'activities.outcome', { name: '签订就业合同' }, 'LD-TW', T.tw.jobContracts, '份', { spoken: 150 }),
  fig('开展各类公益活动400余次', 'activities.count', { type: '公益' }, 'LD-TW', T.tw.charity, '项', { spoken: 400 }),
  fig('资助贫困学生77名', 'assistance.beneficiaries', { program: '助学' }, 'LD-TW', T.tw.students, '名'),
  fig('开展各类技能培训126期', 'activities.sessions', { type: '培训' }, 'LD-FL', T.fl.trainingSessions, '场次'),
  fig('培训妇女6100人', 'activities.participants', { type: '培训' }, 'LD-FL', T.fl.trainingParticipants, '人次'),
  fig('为1266名城乡妇女发放贷款', 'loans.borrowers', {}, 'LD-FL', T.fl.borrowers, '名'),
  fig('(贷款笔数)', 'loans.count', {}, 'LD-FL', T.fl.borrowers, '笔'),
  fig('发放贷款8736万元', 'loans.amount', {}, 'LD-FL', T.fl.loansWan, '万元'),
  // 贴息 at 4.35 % over 24 months, all subsidized: exact, since every principal is a multiple of 5 000 元
  fig('(贴息金额)', 'loans.subsidy', {}, 'LD-FL', (T.fl.loansWan * 10_000 * loanProduct.rateBp * loanProduct.termMonths * loanProduct.subsidyPct) / (10_000 * 12 * 100), '元'),
  fig('救助贫困女童、女大学生377名', 'assistance.beneficiaries', { program: '春蕾计划' }, 'LD-FL', T.fl.chunlei, '名'),
  fig('为60位单亲贫困母亲开展送温暖活动', 'assistance.beneficiaries', { program: '送温暖' }, 'LD-FL', T.fl.mothers, '名'),
  fig('全县121名学生每人发放助学金', 'assistance.beneficiaries', { program: '助学', category: '困境儿童' }, 'LD-FL', T.fl.childrenAided, '名'),
  fig('解决帮扶对象实际困难254件', 'assistance.count', {}, 'LD-ZGH', T.zgh.assistance, '件'),
  fig('为232户困难职工家庭提供就业创业帮助', 'assistance.households', { form: '就业' }, 'LD-ZGH', T.zgh.jobHouseholds, '户'),
  fig('其中96户实现脱贫', 'households.lifted', {}, 'LD-ZGH', T.zgh.lifted, '户'),
  fig('签订集体合同和女职工专项集体合同78份', 'contracts.count', {}, 'LD-ZGH', T.zgh.contracts, '份'),
  fig('受惠职工达8609人', 'contracts.workers', {}, 'LD-ZGH', T.zgh.workers, '人'),
  // the 妇联 half-year report
  fig('妇女创业小额担保贷款389万元', 'loans.amount', {}, 'LD-FL', T.fl.firstHalfLoansWan, '万元', { period: 'first-half', needsSecondHalf: true }),
  fig('71名创业女性得到扶持', 'loans.borrowers', {}, 'LD-FL', T.fl.firstHalfBorrowers, '名', { period: 'first-half', needsSecondHalf: true }),
  fig('为在场的34位春蕾女童每人送上一件羽绒服', 'assistance.beneficiaries', { program: '春蕾计划', form: '物资' }, 'LD-FL', T.fl.chunleiGoods, '名', { period: 'first-half' }),
];

/** The dates a figure's period covers in the year. */
export function figurePeriod(period: FigurePeriod, year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: period === 'year' ? `${year}-12-31` : `${year}-06-30` };
}

/** Whether the figure holds for a seed whose records end on `lastDay`. */
export function figureHolds(f: LedgerFigure, year: number, lastDay: string): boolean {
  return !f.needsSecondHalf || lastDay >= `${year}-07-01`;
}

export function buildLedgerPlan(year: number, lastDay: string, units: readonly UnitPlan[], people: readonly PersonPlan[]): LedgerPlan {
  const aid = buildAid(year, lastDay, units, people);
  return {
    catalog: [{ catalog: 'assistance_program', name: '百千万帮扶', orgCode: 'LD-JGGW' }],
    product: loanProduct,
    activities: buildActivities(year, lastDay, units),
    ...aid,
  };
}
