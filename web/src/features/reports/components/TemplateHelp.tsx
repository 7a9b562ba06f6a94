import { Card, Typography } from 'antd';
import { orgKinds } from '../../../../../src/domain/org';
import { orgRoleNames } from '../../../../../src/domain/report/roles';

const { Paragraph, Text } = Typography;
const code = (s: string) => <Text code>{s}</Text>;

/** 模板写法: the template language as the editor's help (docs/report-templates.md says the same at length). */
export function TemplateHelp() {
  return (
    <Card size="small" title="模板写法" data-testid="template-help">
      <Typography style={{ fontSize: 13 }}>
        <Paragraph style={{ marginBottom: 8 }}>
          “# ”开头为标题；“一、”“（一）”开头为各级标题，“（一）小标题。”之后为该段正文；其余每行一段；“//”开头为注释。
          {code('{{year}}')}写年度，{code('{{org.name}}')}写报告单位名称，{code('{{targets}}')}单独一行时列出下一年度目标。
        </Paragraph>
        <Paragraph style={{ marginBottom: 8 }}>
          数字写作 {code('{{指标{筛选条件} | org=@角色 | fmt=格式}}')}，如 {code('{{loans.amount | org=@妇联 | fmt=wan}}')}
          表示“妇联的放款金额，以万元写”。指标、格式等可用上方“插入数字”选取，不必手写。不写统计单位时为报告单位本身（含全部下级）。
        </Paragraph>
        <Paragraph style={{ marginBottom: 8 }}>
          <Text strong>按角色指单位：</Text>“@妇联”指报告单位本身（它就是妇联时），否则是它下级中最近的妇联。同一模板因此适用于任何县、任何乡镇，
          县委的报告中是县妇联，乡镇党委的报告中是该乡镇妇联。可用的角色：
          {orgKinds.map((k) => orgRoleNames[k].map((n) => `@${n}`).join('、')).join('；')}。
        </Paragraph>
        <Paragraph style={{ marginBottom: 8 }}>
          <Text strong>没有这个单位时：</Text>报告单位及其下级中没有该角色的单位（如没有科协）时，含这个数字的整句话不写入报告，
          预览和报告附录“未写入的语句”列出略去的语句及原因。
        </Paragraph>
        <Paragraph style={{ marginBottom: 0 }}>
          <Text strong>同样近的两个单位：</Text>取设定行指定的一个（单独一行写 {code('@妇联 = 单位代码')}），没有设定时取单位代码排在最前的一个。
          设定行和 {code('org=单位代码')} 都写明了具体单位，只适用于本单位自己的模板；默认模板只按角色写。
        </Paragraph>
      </Typography>
    </Card>
  );
}
