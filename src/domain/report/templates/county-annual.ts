/**
 * The county Party committee's annual report on mass-organization work (群团工作年度总结), shaped
 * like the speech in ../shared/seed: 一、{year}年工作回顾 with six themes, 二、{year+1}年工作安排.
 * Every figure is a metric over the records (帮扶对子 from pairings, 信访/调解 from cases). The
 * work plan lists next year's targets (`{{targets}}`) when any are set. Bodies are named by role
 * (`org=@妇联`: the committee's nearest 妇联), so any county's tree fills it; a sentence whose body
 * the county lacks is left out and listed.
 */
export const countyAnnualTemplate = String.raw`# 关于{{year}}年群团工作情况
# 和{{year+1}}年工作安排的报告
按照会议安排，现将群团工作{{year}}年开展情况和{{year+1}}年工作思路报告如下：
一、{{year}}年工作回顾
一年来，群团部门在县委、县政府的坚强领导下，围绕县委中心工作，开拓创新，扎实工作，在发展经济、改善民生、扶贫帮困、维护权益等方面做了大量工作。
（一）机关党建有新局面。强化学习型党组织建设，机关工委举办大型系列党课{{activities.count{type=党课} | org=@机关工委}}次，“书记讲党课”活动{{activities.sessions{type=党课} | org=@机关工委}}场；深入推进“百千万”活动，机关党员干部深入基层一线，解决问题{{activities.outcome{name=解决问题} | org=@机关工委}}个，帮扶物资{{assistance.amount{form=物资} | org=@机关工委 | fmt=yu | unit=万元}}；加强机关作风建设，行政效能显著提升。强化党校培训阵地作用，聘任兼职教师{{people.count{category=兼职教师} | org=@党校}}人，开展宣讲等活动{{activities.sessions{type=宣讲} | org=@党校}}期，教育干部群众{{activities.participants{type=宣讲} | org=@党校 | fmt=yu}}人次。
（二）服务发展有新作为。以县委中心工作为出发点，充分发挥政治和组织优势，扎实推进各项工作开展。县总工会积极开展劳动竞赛和“金牌工人”评选等活动。团县委主动搭建创业就业平台，培训青年{{activities.participants{type=培训} | org=@团委}}人次，并邀请用工企业进行现场招聘，签订就业合同{{activities.outcome{name=签订就业合同} | org=@团委 | fmt=yu}}份。县妇联围绕妇女致富兴家，开展各类技能培训{{activities.sessions{type=培训} | org=@妇联}}期，培训妇女{{activities.participants{type=培训} | org=@妇联}}人，为{{loans.borrowers | org=@妇联}}名城乡妇女发放贷款{{loans.amount | org=@妇联 | fmt=wan}}万元。
（三）为民务实有新举措。群团组织在帮助群众办实事、做好事和解难事等方面取得了显著成效。县总工会通过“一帮一”扶贫解困工程、“两节”送温暖等活动解决帮扶对象实际困难{{assistance.count | org=@工会}}件，为{{assistance.households{form=就业} | org=@工会}}户困难职工家庭提供就业创业帮助，其中{{households.lifted | org=@工会}}户实现脱贫。团县委着力打造爱心助学品牌，资助贫困学生{{assistance.beneficiaries{program=助学} | org=@团委}}名。县妇联深化“岗村共建”，组织城乡妇女结成帮扶对子{{pairings.count | org=@妇联}}对，实施“春蕾计划”，救助贫困女童、女大学生{{assistance.beneficiaries{program=春蕾计划} | org=@妇联}}名。
（四）维权工作有新突破。群团部门将维护群众合法权益摆上突出位置，深入宣传《女职工劳动保护特别规定》《妇女权益保障法》《未成年人保护法》等法律法规，群众维权意识明显增强。县总工会积极推进工资平等协商和集体合同制度，签订集体合同和女职工专项集体合同{{contracts.count | org=@工会}}份，受惠职工达{{contracts.workers | org=@工会}}人。团县委广泛开展远离毒品、预防艾滋病知识等各类宣传活动。县妇联开展维护妇女儿童权益“筑网”行动，充分发挥妇女维权协调员作用，服务维权水平大幅提升。
（五）促进和谐有新成绩。群团部门充分发挥贴近生活、贴近群众的优势，深入细致地协调关系，促进和谐。县总工会建立职工信访接待制度，认真接待来访职工，累计接待职工{{cases.count{kind=信访} | org=@工会}}人次。共青团开展“我们的节日”主题活动和“感恩教育”系列活动，青少年奉献意识、道德水平有新提升。县妇联开办妇女维权服务站，调解婆媳纠纷、夫妻矛盾、抚养关系等案件{{cases.resolved{kind=纠纷调解} | org=@妇联}}起；实行妇女信访代理制，建立信访代理工作室{{orgs.count{designation=信访代理工作室} | org=@妇联}}个，成功化解妇女信访案件{{cases.resolved{kind=信访,outcome=化解} | org=@妇联}}起。
（六）组织覆盖有新扩展。群团部门以健全组织、完善机制、提升能力、激发活力为重点，不断加强基层组织网络建设。县总工会新建村级工会{{orgs.new{kind=grassroots_union} | org=@工会}}个，全县基层工会组织发展到{{orgs.count{kind=grassroots_union} | org=@工会}}个，其中有{{orgs.count{kind=grassroots_union,designation=规范化建设达标} | org=@工会}}个被评为规范化建设达标单位。团县委深化乡镇实体化“大团委”建设，直属团组织发展到{{orgs.count{kind=youth_branch} | org=@团委}}家，先后组织青年开展各类公益活动{{activities.count{type=公益} | org=@团委 | fmt=yu}}次。县妇联按照“五好基层妇女组织”建设标准，基层妇女组织进一步规范，“妇女儿童之家”作用得到充分发挥。
二、{{year+1}}年工作安排
{{year+1}}年，群团工作的总体思路是：坚持围绕中心，服务大局，积极履行职责，充分发挥优势，创新工作思路，丰富活动载体，全面提高群团工作的整体水平。重点推进以下几项工作。
{{targets}}
（一）强化举措，全面加强机关党建工作。充分发挥机关工委和党校职能，以大型系列党课、书记讲党课等活动为载体，加强机关党员干部的学习、培训；发挥好党校培训阵地作用，按年度目标举办各类培训、宣讲，教育干部群众。
（二）围绕中心，提高服务经济发展水平。引导广大职工、青年和妇女强化岗位建功意识。工会开展“工人先锋号”“技术能手”等劳动竞赛；共青团扶持青年创新创业；妇联推进妇女小额贴息贷款工作，按年度目标发放贷款。
（三）履职尽责，保障群众合法权益。强化普法宣传，完善工作机制：工会推行厂务公开和工资集体协商制度，妇联完善信访代理工作机制，建立信访代理工作示范点，提高信访接待水平。
（四）积极作为，提升帮扶工作质量。扩大服务范围，加大帮扶力度，继续开展“两节”送温暖、爱心助学和“春蕾计划”等品牌帮扶活动。
（五）加强引导，倡导树立文明新风。丰富文体活动，提升道德修养，选树劳模、优秀青年、最美家庭等先进典型。
（六）固本强基，不断强化自身建设。工会加强村级工会建设，努力实现工会组织全覆盖；共青团深化乡镇实体化“大团委”建设；妇联开展争创“五好基层妇女组织”活动。
`;
