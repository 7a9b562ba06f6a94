import { mulberry32, townships } from './demo.data';
import { type ActivityPlan, calendar, ledgerTargets, splitTotal } from './demo.ledgers-util';
import type { UnitPlan } from './demo.plan';

/**
 * The demo activities of the year: 机关工委's 党课 series and "百千万" relief, 党校's 宣讲, 团县委's
 * trainings, job fairs and 400余 公益 activities of its youth branches, 县妇联's skill trainings.
 * Every total the speech names is hit exactly (splitTotal); names are unique per unit, type and date.
 */

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const charityNames = [
  '学雷锋志愿服务', '关爱留守儿童', '清洁家园志愿服务', '敬老院慰问', '文明交通劝导', '高考爱心护航', '防溺水安全宣传',
  '禁毒防艾宣传', '"我们的节日"主题活动', '感恩教育系列活动', '温泉旅游志愿服务', '义务植树',
];
const skillNames = [
  '家政服务技能培训', '电商直播技能培训', '手工编织技能培训', '面点制作技能培训', '奶牛养殖技术培训', '温泉康养服务培训',
  '月嫂育婴师培训', '庭院经济种植技术培训', '巾帼来料加工技能培训', '农村妇女创业培训',
];

export function buildActivities(year: number, lastDay: string, units: readonly UnitPlan[]): ActivityPlan[] {
  const rng = mulberry32(year * 40503 + 11);
  const cal = calendar(rng, year, lastDay);
  const out: ActivityPlan[] = [];
  const add = (a: Omit<ActivityPlan, 'endOn' | 'place' | 'targetGroups' | 'partners' | 'outcomes'> & Partial<ActivityPlan>) =>
    out.push({ endOn: null, place: null, targetGroups: [], partners: [], outcomes: [], ...a });
  const by = (role: UnitPlan['role']) => units.filter((u) => u.role === role);

  // ---- 机关工委: 3 大型系列党课 (records of type 党课) holding the 48 场 "书记讲党课" between them
  const j = ledgerTargets.jggw;
  const seasons = [['03-01', '03-31'], ['06-15', '07-15'], ['10-08', '11-10']];
  splitTotal(rng, j.lectureSessions, j.lectureSeries, 12, 20).forEach((sessions, i) => {
    const startOn = cal.between(seasons[i][0], seasons[i][1]);
    add({
      orgCode: 'LD-JGGW', name: `大型系列党课暨"书记讲党课"(第${ordinals[i]}期)`, type: '党课', startOn, endOn: cal.plus(startOn, 28),
      place: '县委党校报告厅', sessions, participants: sessions * rng.int(60, 110), targetGroups: ['机关党员干部'], partners: ['林甸县委党校'],
    });
  });
  // "百千万" 活动 in the flood season: 解决问题 235 个
  splitTotal(rng, j.problemsSolved, 10, 15, 35).forEach((solved, i) => {
    const town = townships[i % townships.length];
    add({
      orgCode: 'LD-JGGW', name: `"百千万"活动·排涝抢险(第${ordinals[i]}组)`, type: '公益', startOn: cal.between('07-10', '09-20'),
      place: town.name, sessions: 1, participants: rng.int(40, 120), targetGroups: ['受灾群众'], outcomes: [{ name: '解决问题', value: solved, unit: '个' }],
    });
  });

  // ---- 党校: 宣讲 56 期, 6000余人次
  const d = ledgerTargets.dx;
  const topics = ['党的创新理论宣讲', '全会精神宣讲', '《党章》宣讲', '党纪学习教育宣讲'];
  const places = [...townships.map((t) => t.name), '县直机关', '县委党校'];
  const talkSessions = splitTotal(rng, d.talkSessions, 14, 2, 6);
  const talkPeople = splitTotal(rng, d.talkParticipants, 14, 250, 700);
  talkSessions.forEach((sessions, i) => {
    const place = places[i % places.length];
    add({
      orgCode: 'LD-DX', name: `${topics[i % topics.length]}进${place}`, type: '宣讲', startOn: cal.between('02-20', '11-30'), place, sessions,
      participants: talkPeople[i], targetGroups: ['党员干部', '群众'], partners: place === '县直机关' ? ['林甸县直机关工委', '县委宣传部'] : ['县委宣传部'],
    });
  });

  // ---- 团县委: 培训青年 1600 人次; 招聘会 with 签订就业合同 150余份; 400余 公益 activities of the youth branches
  const tw = ledgerTargets.tw;
  const townYouth = by('town-youth');
  const youthCourses = ['青年创业就业技能培训班', '农村青年电商直播培训班', '青年致富带头人培训班', '返乡青年创业培训班', '青年网络主播技能培训班'];
  splitTotal(rng, tw.trainingParticipants, 10, 80, 260).forEach((participants, i) => {
    const unit = i < youthCourses.length ? null : townYouth[(i * 3) % townYouth.length];
    add({
      orgCode: unit?.code ?? 'LD-TW', name: unit ? `${unit.name}青年实用技术培训班` : youthCourses[i], type: '培训', startOn: cal.between('03-01', '10-31'),
      sessions: rng.int(1, 4), participants, targetGroups: ['青年'], partners: unit ? [] : ['县人社局'],
    });
  });
  const fairs: Array<[string, string, string]> = [['"春风行动"青年专场招聘会', '02-15', '03-15'], ['高校毕业生就业见习招聘会', '05-10', '06-10'], ['返乡青年就业专场招聘会', '08-01', '08-31']];
  splitTotal(rng, tw.jobContracts, fairs.length, 40, 65).forEach((signed, i) => {
    add({
      orgCode: 'LD-TW', name: fairs[i][0], type: '招聘', startOn: cal.between(fairs[i][1], fairs[i][2]), place: '县人力资源市场', participants: rng.int(400, 900),
      sessions: 1, targetGroups: ['青年'], partners: ['县人社局', '县就业服务中心'], outcomes: [{ name: '签订就业合同', value: signed, unit: '份' }],
    });
  });
  const branches = by('youth-branch');
  const third = new Set(rng.shuffle(branches).slice(0, tw.charity - 2 * branches.length));
  for (const b of branches) {
    for (const name of rng.shuffle(charityNames).slice(0, third.has(b) ? 3 : 2)) {
      add({ orgCode: b.code, name, type: '公益', startOn: cal.onOrAfter(b.establishedOn), sessions: 1, participants: rng.int(6, 45), targetGroups: ['群众'] });
    }
  }

  // ---- 县妇联: 技能培训 126 期, 培训妇女 6100 人 (three named courses of the half-year report among them)
  const fl = ledgerTargets.fl;
  const cadres = cal.between('03-05', '03-20');
  const bosses = cal.between('06-01', '06-08');
  const chairs = cal.between('07-10', '07-20');
  const named = [
    { name: '全县首期中青年女干部培训班', startOn: cadres, endOn: cal.plus(cadres, 4), place: '上海巾帼园', participants: 49, targetGroups: ['女干部'] },
    { name: '女企业家井冈山主题教育培训', startOn: bosses, endOn: cal.plus(bosses, 4), place: '井冈山', participants: 32, targetGroups: ['女企业家'] },
    { name: '乡镇妇联主席及工作人员业务能力培训', startOn: chairs, endOn: cal.plus(chairs, 1), place: '县妇女儿童活动中心', participants: 64, targetGroups: ['妇联干部'] },
  ];
  for (const c of named) add({ orgCode: 'LD-FL', type: '培训', sessions: 1, ...c });
  const rest = 37;
  const sessions = splitTotal(rng, fl.trainingSessions - named.length, rest, 1, 7);
  const women = splitTotal(rng, fl.trainingParticipants - named.reduce((a, c) => a + c.participants, 0), rest, 60, 300);
  const townWomen = by('town-women');
  const issue = new Map<string, number>();
  for (let i = 0; i < rest; i++) {
    const org = i < 10 ? 'LD-FL' : townWomen[i % townWomen.length].code;
    const course = skillNames[rng.int(0, skillNames.length - 1)];
    const n = (issue.get(`${org}|${course}`) ?? 0) + 1;
    issue.set(`${org}|${course}`, n);
    add({
      orgCode: org, name: `${course}(第${n}期)`, type: '培训', startOn: cal.between('02-15', '11-30'), sessions: sessions[i], participants: women[i],
      targetGroups: ['农村妇女'], partners: org === 'LD-FL' ? ['县人社局'] : [],
    });
  }
  return out;
}
