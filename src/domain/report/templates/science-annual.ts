/** A 科协's annual report (科协工作年度总结); figures are the reporting unit's own subtree. */
export const scienceAnnualTemplate = String.raw`# {{org.name}}{{year}}年工作总结
# 和{{year+1}}年工作安排
{{year}}年，{{org.name}}在同级党委的领导下，坚持为经济社会发展服务、为提高全民科学素质服务、为科技工作者服务，现将有关情况报告如下：
一、{{year}}年工作回顾
（一）科学普及深入开展。全年组织开展各类科普活动{{activities.count}}项、{{activities.sessions}}场次，参与群众{{activities.participants | fmt=yu}}人次。
（二）农村实用技术培训。围绕产业发展举办实用技术培训{{activities.sessions{type=培训}}}期，培训农民和科技工作者{{activities.participants{type=培训}}}人次。
（三）自身建设。全年本单位及所属组织获得各级命名和荣誉{{designations.count}}项。
二、{{year+1}}年工作安排
{{targets}}
（一）深入实施全民科学素质行动，扩大科普活动覆盖面。
（二）围绕产业发展开展实用技术培训，服务乡村振兴。
（三）加强基层科协组织建设，增强服务能力。
`;
