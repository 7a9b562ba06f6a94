/**
 * A 团委's annual report (共青团工作年度总结), county or township: figures are the reporting unit's own
 * subtree; no unit is named by code.
 */
export const youthAnnualTemplate = String.raw`# {{org.name}}{{year}}年工作总结
# 和{{year+1}}年工作安排
{{year}}年，{{org.name}}在同级党委和上级团组织的领导下，坚持围绕中心、服务大局，团结带领广大团员青年在推动发展中建功立业，现将有关情况报告如下：
一、{{year}}年工作回顾
（一）服务青年就业创业。搭建创业就业平台，全年开展青年培训{{activities.sessions{type=培训}}}期，培训青年{{activities.participants{type=培训}}}人次，帮助青年签订就业合同{{activities.outcome{name=签订就业合同} | fmt=yu}}份。
（二）打造爱心助学品牌。动员社会力量关爱困难青少年，资助贫困学生{{assistance.beneficiaries{program=助学}}}名。
（三）深化青年志愿服务。组织团员青年开展各类公益活动{{activities.count{type=公益}}}次，参与青年{{activities.participants{type=公益}}}人次。
（四）加强基层团组织建设。深化基层团组织规范化建设，所属基层团组织达到{{orgs.count{kind=youth_branch}}}个，其中本年新建{{orgs.new{kind=youth_branch}}}个。
二、{{year+1}}年工作安排
{{targets}}
（一）围绕中心服务大局，持续推进青年创业就业服务。
（二）深化“青年志愿者”品牌，广泛开展公益活动。
（三）从严治团，不断提升基层团组织的组织力。
`;
