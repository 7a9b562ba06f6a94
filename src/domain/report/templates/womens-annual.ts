/**
 * A 妇联's annual report (妇联工作年度总结), shaped like the 妇联 parts of the seed speech; figures are
 * the reporting unit's own subtree. The township version says the same at a township's scale.
 */
export const womensAnnualTemplate = String.raw`# {{org.name}}{{year}}年工作总结
# 和{{year+1}}年工作安排
{{year}}年，{{org.name}}在同级党委和上级妇联的领导下，团结引领广大妇女建功新时代，维护妇女儿童合法权益，服务妇女儿童和家庭，现将有关情况报告如下：
一、{{year}}年工作回顾
（一）助力妇女致富兴家。围绕妇女增收开展各类技能培训{{activities.sessions{type=培训}}}期，培训妇女{{activities.participants{type=培训}}}人；为{{loans.borrowers}}名城乡妇女发放创业贷款{{loans.amount | fmt=wan}}万元。
（二）关爱帮扶困难群体。深化“岗村共建”，组织城乡妇女结成帮扶对子{{pairings.count}}对；实施“春蕾计划”，救助贫困女童、女大学生{{assistance.beneficiaries{program=春蕾计划}}}名。
（三）依法维护妇女儿童权益。开办妇女维权服务站，调解婆媳纠纷、夫妻矛盾、抚养关系等案件{{cases.resolved{kind=纠纷调解}}}起；实行妇女信访代理制，建立信访代理工作室{{orgs.count{designation=信访代理工作室}}}个，成功化解妇女信访案件{{cases.resolved{kind=信访,outcome=化解}}}起。
（四）加强基层组织建设。按照“五好基层妇女组织”建设标准，基层妇女组织达到{{orgs.count{kind=womens_branch}}}个，其中{{orgs.count{kind=womens_branch,designation=五好基层妇女组织}}}个达到“五个好”标准。
二、{{year+1}}年工作安排
{{targets}}
（一）推进妇女小额贴息贷款工作，服务妇女创业就业。
（二）深化“春蕾计划”和结对帮扶，关爱困难妇女儿童。
（三）完善信访代理和维权工作机制，依法维护妇女儿童权益。
（四）开展争创“五好基层妇女组织”活动，夯实基层基础。
`;

/** A 乡镇妇联's annual report. */
export const townshipWomensAnnualTemplate = String.raw`# {{org.name}}{{year}}年工作总结
{{year}}年，{{org.name}}在乡镇党委和县妇联的领导下，围绕乡镇中心工作，团结带领全乡（镇）妇女建功立业，现将工作情况报告如下：
一、{{year}}年工作回顾
（一）妇女发展。组织妇女参加技能培训{{activities.sessions{type=培训}}}期，培训妇女{{activities.participants{type=培训}}}人；协助{{loans.borrowers}}名妇女获得创业贷款{{loans.amount | fmt=wan}}万元。
（二）关爱帮扶。组织妇女结成帮扶对子{{pairings.count}}对，救助春蕾女童{{assistance.beneficiaries{program=春蕾计划}}}名。
（三）维权服务。调解家庭矛盾纠纷{{cases.resolved{kind=纠纷调解}}}起，化解妇女信访案件{{cases.resolved{kind=信访,outcome=化解}}}起。
（四）组织建设。辖区村妇联等基层妇女组织{{orgs.count{kind=womens_branch}}}个，其中{{orgs.count{kind=womens_branch,designation=五好基层妇女组织}}}个达到“五个好”标准。
二、{{year+1}}年工作打算
{{targets}}
继续做好妇女技能培训和创业贷款服务，深化结对帮扶和矛盾纠纷调解，加强村妇联建设。
`;
