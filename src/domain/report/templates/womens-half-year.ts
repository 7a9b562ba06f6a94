/**
 * The county 妇联's half-year report (上半年工作总结及下半年工作安排), shaped like the third part of
 * the seed. Figures default to the report's unit and January–June of the report's year.
 */
export const womensHalfYearTemplate = String.raw`# {{org.name}}{{year}}年上半年工作总结
# 及下半年工作安排
上半年，{{org.name}}坚持拓宽领域促进妇女发展，务实举措维护妇儿权益，真情服务办好民生实事，更新理念加强自身建设，努力推动全县妇女儿童事业全面协调发展。
一、主动适应形势，帮助妇女提升参与发展能力
一是就业创业服务载体不断深化。以巾帼来料加工基地建设为抓手，深化巾帼来料加工示范基地创建、女经纪人培树、加工项目推介等工作。二是转型升级助力作用渐显。截至6月底，全县共完成妇女创业小额担保贷款{{loans.amount | fmt=wan}}万元，{{loans.borrowers}}名创业女性得到扶持。三是巾帼文明岗创建工作进一步规范。{{designations.count{title=巾帼文明岗,level=省级}}}家单位被命名为省级巾帼文明岗，{{designations.count{title=巾帼文明岗,level=市级}}}家被命名为市级巾帼文明岗。
二、选树最美家庭，引导各界妇女提升文明素质
“三八”期间，联合相关部门举办“最美家庭”表彰活动，从层层推荐的{{campaigns.nominees{kind=最美家庭} | fmt=jin}}户家庭中筛选出{{campaigns.winners{kind=最美家庭}}}户“最美家庭”，使寻找最美、发现最美、弘扬最美的宣传效应得到充分展示。
三、发挥职能作用，切实保护妇女儿童合法权益
完善反家暴工作联动机制，部署落实儿童安全守护行动，组织{{pairings.helpers{helper=巾帼文明岗}}}个巾帼文明岗为{{pairings.helped{helper=巾帼文明岗,helped=单亲困难母亲}}}位单亲贫困母亲开展送温暖活动，开展巾帼文明岗与单亲贫困母亲和春蕾（留守）儿童结对帮扶、志愿服务等活动。
四、关注民生需求，优化妇女儿童发展环境
春节前开展“与爱同行 情助春蕾”暖冬慰问活动，爱心企业为{{assistance.beneficiaries{program=春蕾计划,form=物资}}}位春蕾女童每人送上一件羽绒服和崭新的书籍。
## 下半年工作安排
一、认真学习贯彻中央群团工作会议精神，将会议要求贯穿妇联工作的始终。
二、主动做好服务妇女就业创业工作，开展十佳妇女小贷方案评选活动。
三、举办基层妇女干部能力建设专题培训班，提高基层妇女干部的业务水平。
四、积极探索维权职能与时俱进，推动维权触角深入基层。
五、全力推进实践区项目建设，指导全县家长学校规范办学。
六、汇聚各方力量，开展助春蕾行动月活动。
`;
