/**
 * A township Party committee's report on its mass organizations (乡镇群团工作总结): the township's
 * 工会, 团委 and 妇联 by role (its nearest unit of each kind). A township without one of them gets
 * the report without that body's sentences, listed in the appendix.
 */
export const townshipAnnualTemplate = String.raw`# {{org.name}}{{year}}年群团工作总结
{{year}}年，{{org.name}}坚持党建带群建，支持工会、共青团、妇联等群团组织围绕中心、服务大局，现将全年群团工作情况报告如下：
一、{{year}}年工作回顾
（一）工会工作。乡镇工会新建基层工会组织{{orgs.new{kind=grassroots_union} | org=@工会}}个，基层工会组织达到{{orgs.count{kind=grassroots_union} | org=@工会}}个；全年解决职工实际困难{{assistance.count | org=@工会}}件，推动签订集体合同{{contracts.count | org=@工会}}份。
（二）共青团工作。乡镇团委开展青年培训{{activities.sessions{type=培训} | org=@团委}}期，培训青年{{activities.participants{type=培训} | org=@团委}}人次；组织青年开展公益活动{{activities.count{type=公益} | org=@团委}}次。
（三）妇联工作。乡镇妇联开展妇女技能培训{{activities.sessions{type=培训} | org=@妇联}}期，培训妇女{{activities.participants{type=培训} | org=@妇联}}人；为{{loans.borrowers | org=@妇联}}名妇女发放创业贷款{{loans.amount | org=@妇联 | fmt=wan}}万元；组织结成帮扶对子{{pairings.count | org=@妇联}}对。
二、{{year+1}}年工作打算
{{targets}}
继续坚持党建带群建，支持群团组织依照各自章程开展工作，把广大职工、青年和妇女紧紧团结在党的周围。
`;
