import { addMonths } from '../../../domain/ledgers/loans';
import { dateOf, dayNumber, mulberry32, randomDate } from './demo.data';
import {
  type AssistancePlan, calendar, type ContractPlan, type HouseholdPlan, ledgerTargets, type LoanPlan, splitTotal,
} from './demo.ledgers-util';
import type { PersonPlan, Pool } from './demo.people';
import type { UnitPlan } from './demo.plan';

/**
 * The demo assistance, households, loans and collective contracts of the year, drawn from the demo
 * people's pools: 机关工委's relief goods, 团县委's 助学, 县妇联's 春蕾计划/送温暖/助学 and loans to
 * 创业女性, 县总工会's 一帮一 (就业, on households of 困难职工) and 送温暖, and the union contracts.
 */

const banks = ['林甸农商银行', '中国邮政储蓄银行林甸县支行', '龙江银行林甸支行'];
const ventures = ['奶牛养殖', '肉牛养殖', '温泉民宿', '杂粮种植', '苇编加工', '农村电商', '餐饮小吃', '服装加工', '手工编织', '家庭农场', '庭院蔬菜', '美容美发'];
const reliefGoods = ['大米、面粉、食用油', '棉被、衣物', '抽水泵、编织袋', '饮用水、方便食品', '化肥、种子'];
const jobHelp = ['推荐到本县企业就业', '扶持发展庭院种养殖', '提供创业担保贷款并跟踪服务', '技能培训后推荐上岗', '开发公益性岗位安置'];

export interface AidPlan {
  assistance: AssistancePlan[];
  households: HouseholdPlan[];
  loans: LoanPlan[];
  contracts: ContractPlan[];
}

export function buildAid(year: number, lastDay: string, units: readonly UnitPlan[], people: readonly PersonPlan[]): AidPlan {
  const rng = mulberry32(year * 69069 + 5);
  const cal = calendar(rng, year, lastDay);
  const pool = (name: Pool) => rng.shuffle(people.flatMap((p, i) => (p.pool === name ? [i] : [])));
  const take = (list: number[], n: number) => {
    if (list.length < n) throw new Error(`demo ledgers: need ${n} people, the pool has ${list.length}`);
    return list.slice(0, n);
  };
  const assistance: AssistancePlan[] = [];
  const give = (a: Omit<AssistancePlan, 'household' | 'goods' | 'funder' | 'note'> & Partial<AssistancePlan>) =>
    assistance.push({ household: null, goods: null, funder: null, note: null, ...a });

  // ---- 机关工委: "百千万" relief goods to flood-hit families, 120余万元
  const mothers = pool('单亲贫困母亲');
  const tens = splitTotal(rng, ledgerTargets.jggw.goodsYuan / 10, 100, 600, 2000); // in 10 元
  take(mothers, 100).forEach((person, i) => {
    give({ orgCode: 'LD-JGGW', person, program: '百千万帮扶', form: '物资', amountFen: tens[i] * 1000, goods: rng.pick(reliefGoods), givenOn: cal.between('07-15', '09-30'), funder: '县直机关党员干部' });
  });

  // ---- 团县委: 助学 to 77 students
  for (const person of take(pool('贫困学生'), ledgerTargets.tw.students)) {
    give({ orgCode: 'LD-TW', person, program: '助学', form: '现金', amountFen: 100_000, givenOn: cal.between('08-15', '09-10'), funder: '爱心企业' });
  }

  // ---- 县妇联: 春蕾计划 377 girls (34 of them also a 羽绒服 before the Spring Festival), 送温暖 60 mothers, 助学 121 children
  const fl = ledgerTargets.fl;
  const girls = take(pool('春蕾女童'), fl.chunlei);
  girls.forEach((person, i) => {
    const givenOn = i < girls.length / 2 ? cal.between('02-20', '03-20') : cal.between('08-25', '09-15');
    give({ orgCode: 'LD-FL', person, program: '春蕾计划', form: '现金', amountFen: 100_000, givenOn, funder: '爱心企业' });
  });
  const coats = cal.between('01-18', '02-08');
  for (const person of girls.slice(0, fl.chunleiGoods)) {
    give({ orgCode: 'LD-FL', person, program: '春蕾计划', form: '物资', amountFen: 42_000, goods: '羽绒服、书籍', givenOn: coats, funder: '爱心企业' });
  }
  const posts = units.filter((u) => u.role === 'organ-women'); // the 巾帼文明岗
  rng.shuffle(mothers).slice(0, fl.mothers).forEach((person, i) => {
    give({ orgCode: posts[i % posts.length].code, person, program: '送温暖', form: '现金', amountFen: 50_000, givenOn: cal.between('05-06', '05-12'), funder: '巾帼文明岗' });
  });
  const grant = cal.between('05-25', '06-01');
  for (const person of take(pool('困境儿童'), fl.childrenAided)) {
    give({ orgCode: 'LD-FL', person, program: '助学', form: '现金', amountFen: 80_000, givenOn: grant, funder: '县财政局、县民政局' });
  }

  // ---- 县总工会: 232 households helped into work (一帮一, form 就业), 96 of them lifted; 22 送温暖 → 254 件
  const z = ledgerTargets.zgh;
  const workers = pool('困难职工');
  const households: HouseholdPlan[] = [];
  take(workers, z.jobHouseholds).forEach((head, h) => {
    const givenOn = cal.between('02-01', '10-31');
    const liftedOn = h < z.lifted ? dateOf(Math.min(dayNumber(givenOn) + rng.int(60, 150), dayNumber(lastDay))) : null;
    households.push({ orgCode: people[head].orgCode, head, name: `${people[head].name}户`, categories: '困难职工', liftedOn });
    give({ orgCode: people[head].orgCode, person: head, household: h, program: '一帮一', form: '就业', amountFen: 0, givenOn, note: rng.pick(jobHelp) });
  });
  rng.shuffle(workers).slice(0, z.assistance - z.jobHouseholds).forEach((person, i) => {
    const cash = i % 2 === 0;
    give({
      orgCode: 'LD-ZGH', person, program: '送温暖', form: cash ? '现金' : '物资', amountFen: cash ? 100_000 : 50_000, goods: cash ? null : '米、面、油',
      givenOn: cal.between('01-05', '02-10'), funder: '县总工会',
    });
  });

  // ---- 县妇联 loans: 1266 borrowers, 8736 万元; 71 of them (389 万元) in the first half; 9 more still 申请中
  const women = pool('创业女性');
  const loans: LoanPlan[] = [];
  const lend = (person: number, units5k: number, disbursedOn: string | null) => {
    let status: LoanPlan['status'] = disbursedOn ? '已放款' : '申请中';
    let repaidOn: string | null = null;
    if (disbursedOn && dayNumber(disbursedOn) + 120 <= dayNumber(lastDay)) {
      const r = rng.next();
      if (r < 0.04) {
        status = '已还清';
        repaidOn = randomDate(rng, dateOf(dayNumber(disbursedOn) + 90), lastDay);
      } else if (r < 0.06) status = '逾期';
    }
    loans.push({ orgCode: people[person].orgCode, person, principalFen: units5k * 500_000, bank: rng.pick(banks), disbursedOn, status, venture: rng.pick(ventures), repaidOn });
  };
  const firstHalf = fl.firstHalfBorrowers;
  const secondHalf = fl.borrowers - firstHalf;
  const borrowers = take(women, fl.borrowers + fl.pendingLoans);
  // principals in steps of 5 000 元, 2万–15万 each
  splitTotal(rng, (fl.firstHalfLoansWan * 10_000) / 5_000, firstHalf, 4, 30).forEach((u, i) => lend(borrowers[i], u, cal.between('01-04', '06-30')));
  splitTotal(rng, ((fl.loansWan - fl.firstHalfLoansWan) * 10_000) / 5_000, secondHalf, 4, 30).forEach((u, i) => lend(borrowers[firstHalf + i], u, cal.between('07-01', '12-31')));
  for (const person of borrowers.slice(fl.borrowers)) lend(person, rng.int(4, 30), null);

  // ---- 县总工会: 78 collective contracts (52 综合, 26 女职工专项 at the same enterprises), 8609 workers
  const firms = rng.shuffle(units.filter((u) => u.kind === 'grassroots_union' && u.level === 'enterprise' && !u.dissolvedOn));
  const general = z.contracts - z.womenContracts;
  const generalWorkers = 6_431;
  const staff = splitTotal(rng, generalWorkers, general, 30, 400);
  const womenStaff = splitTotal(rng, z.workers - generalWorkers, z.womenContracts, 15, 200);
  const contracts: ContractPlan[] = [];
  take(firms.map((_, i) => i), general).forEach((i) => {
    const f = firms[i];
    const signedOn = cal.onOrAfter(`${year}-03-01`);
    const base = { orgCode: f.code, enterprise: f.name.replace(/工会$/, ''), signedOn, expiresOn: addMonths(signedOn, 36) };
    contracts.push({ ...base, type: '综合', workers: staff[i] });
    if (i < z.womenContracts) contracts.push({ ...base, type: '女职工专项', workers: womenStaff[i] });
  });
  return { assistance, households, loans, contracts };
}
