import { demoCampaignFigures } from './demo.campaigns';
import { demoCaseFigures } from './demo.cases';
import { demoPairingFigures } from './demo.pairings';

/**
 * The seed's figures that the demo's cases, pairings and selections yield (like demoLedgerFigures):
 * each through its metric, at its unit, over the year or its first half. `since`: the last day the
 * seed's records must reach for the figure to hold (the selections are written once the autumn
 * award is past).
 */
export interface RestFigure {
  says: string;
  code: string;
  filters: Record<string, string>;
  org: string;
  value: number;
  period: 'year' | 'first-half';
  since?: string; // MM-DD
}

const c = demoCampaignFigures;
export const demoRestFigures: readonly RestFigure[] = [
  { says: '累计接待职工38人次', code: 'cases.count', filters: { kind: '信访' }, org: 'LD-ZGH', value: demoCaseFigures.zghPetitions, period: 'year' },
  { says: '调解婆媳纠纷、夫妻矛盾、抚养关系等案件26起', code: 'cases.resolved', filters: { kind: '纠纷调解' }, org: 'LD-FL', value: demoCaseFigures.mediationsClosed, period: 'year' },
  { says: '成功化解妇女信访案件47起', code: 'cases.resolved', filters: { kind: '信访', outcome: '化解' }, org: 'LD-FL', value: demoCaseFigures.petitionsResolved, period: 'year' },
  { says: '城乡妇女结成帮扶对子1248对', code: 'pairings.count', filters: {}, org: 'LD-FL', value: demoPairingFigures.pairings, period: 'year' },
  { says: '组织57个巾帼文明岗', code: 'pairings.helpers', filters: { helper: '巾帼文明岗' }, org: 'LD-FL', value: demoPairingFigures.posts, period: 'first-half' },
  { says: '为60位单亲贫困母亲开展送温暖活动', code: 'pairings.helped', filters: { helper: '巾帼文明岗', helped: '单亲困难母亲' }, org: 'LD-FL', value: demoPairingFigures.mothers, period: 'first-half' },
  { says: '从层层推荐的近70户家庭中', code: 'campaigns.nominees', filters: { kind: '最美家庭' }, org: 'LD-FL', value: c.families, period: 'first-half', since: '10-23' },
  { says: '筛选出20户"最美家庭"', code: 'campaigns.winners', filters: { kind: '最美家庭' }, org: 'LD-FL', value: c.familyWinners, period: 'first-half', since: '10-23' },
  { says: '十佳妇女小贷项目（表彰）', code: 'campaigns.winners', filters: { kind: '十佳妇女小贷项目' }, org: 'LD-FL', value: c.loanWinners, period: 'year', since: '10-23' },
  { says: '十佳妇女小贷项目（有效投票）', code: 'campaigns.votes', filters: { kind: '十佳妇女小贷项目' }, org: 'LD-FL', value: c.votes, period: 'year', since: '10-23' },
];
