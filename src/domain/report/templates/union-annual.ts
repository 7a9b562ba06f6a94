/**
 * A 总工会's annual report (工会工作年度总结). Figures without `org=` are the reporting unit's own
 * (its whole subtree); no unit is named by code, so every county's 总工会 gets it as it is.
 */
export const unionAnnualTemplate = String.raw`# {{org.name}}{{year}}年工作总结
# 和{{year+1}}年工作安排
{{year}}年，{{org.name}}在同级党委和上级工会的领导下，团结动员广大职工建功立业，竭诚服务职工群众，切实维护职工合法权益，各项工作取得新进展。现将有关情况报告如下：
一、{{year}}年工作回顾
（一）组织建设不断加强。全年新建基层工会组织{{orgs.new{kind=grassroots_union}}}个，基层工会组织发展到{{orgs.count{kind=grassroots_union}}}个，其中{{orgs.count{kind=grassroots_union,designation=规范化建设达标}}}个被评为规范化建设达标单位。
（二）建功立业广泛开展。围绕中心工作开展劳动竞赛、技能培训等活动，全年组织各类职工培训{{activities.sessions{type=培训}}}期，培训职工{{activities.participants{type=培训}}}人次。
（三）帮扶解困扎实有效。通过“两节”送温暖、金秋助学等活动，全年解决帮扶对象实际困难{{assistance.count}}件，发放帮扶资金和物资{{assistance.amount | fmt=yu | unit=万元}}；为{{assistance.households{form=就业}}}户困难职工家庭提供就业创业帮助。
（四）维权机制持续完善。积极推进工资集体协商和集体合同制度，全年签订集体合同{{contracts.count}}份，覆盖职工{{contracts.workers}}人；认真做好职工来信来访工作，接待职工信访{{cases.count{kind=信访}}}件次。
二、{{year+1}}年工作安排
{{targets}}
（一）深化劳动竞赛和职工技能提升行动，引导职工在岗位上建功立业。
（二）推进基层工会规范化建设，努力实现工会组织全覆盖。
（三）深化工资集体协商和厂务公开，依法维护职工合法权益。
（四）做实帮扶解困工作，让困难职工感受到工会组织的温暖。
`;

/** A 乡镇工会's annual report: the same themes at a township's scale. */
export const townshipUnionAnnualTemplate = String.raw`# {{org.name}}{{year}}年工作总结
{{year}}年，{{org.name}}在乡镇党委和县总工会的领导下，围绕乡镇中心工作，组织职工、服务职工、维护职工权益，现将工作情况报告如下：
一、{{year}}年工作回顾
（一）基层组织建设。全年新建村级和企业工会{{orgs.new{kind=grassroots_union}}}个，辖区基层工会组织达到{{orgs.count{kind=grassroots_union}}}个。
（二）职工素质提升。开展职工技能培训{{activities.sessions{type=培训}}}期，培训职工{{activities.participants{type=培训}}}人次。
（三）帮扶解困工作。走访慰问困难职工，全年解决职工实际困难{{assistance.count}}件，帮扶困难职工{{assistance.beneficiaries}}名。
（四）职工权益维护。推动企业签订集体合同{{contracts.count}}份，覆盖职工{{contracts.workers}}人。
二、{{year+1}}年工作打算
{{targets}}
继续推进村级和企业工会组建，深化职工技能培训和帮扶解困，依法维护职工合法权益。
`;
