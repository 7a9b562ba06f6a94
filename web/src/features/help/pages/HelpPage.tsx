import { Card, Collapse, Flex, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { PrintButton } from '../../../ui/print';
import { helpRoutes, helpRules, type HelpTopic } from '../content';
import { manualRules, manualSteps } from '../content/manual';
import { HelpContent, RuleBlock } from '../components/HelpContent';

/** Every page's help once (several routes share one topic). */
function pageTopics(): HelpTopic[] {
  return [...new Set(helpRoutes.map((r) => r.topic))];
}

/** 使用手册: from 首次设置 to the annual report, then the rules, then each page's help. */
export function HelpPage() {
  return (
    <>
      <PageHeader title="使用手册" sub="新的县（区）从初始设置到年度报告，按顺序做下面几步；每一步都可以点进对应页面" extra={<PrintButton unitName="群团工作平台" title="使用手册" testId="help-print" />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          orientation="vertical"
          size="small"
          data-testid="manual-steps"
          items={manualSteps.map((s, i) => ({
            status: 'process' as const,
            title: (
              <Flex wrap gap={8} align="center">
                <span>{`第${i + 1}步　${s.title}`}</span>
                <Tag>{s.who}</Tag>
              </Flex>
            ),
            content: (
              <div style={{ paddingBottom: 8 }}>
                {s.text.map((t) => (
                  <Typography.Paragraph key={t} style={{ marginBottom: 4 }}>
                    {t}
                  </Typography.Paragraph>
                ))}
                <Flex wrap gap={12}>
                  {s.links.map((l) => (
                    <Link key={l.to} to={l.to}>
                      {l.label}
                    </Link>
                  ))}
                </Flex>
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small" title="规则说明" style={{ marginBottom: 16 }} data-testid="manual-rules">
        {manualRules.map((k) => (
          <RuleBlock key={k} rule={helpRules[k]} />
        ))}
      </Card>
      <Card size="small" title="各页面说明">
        <Collapse
          ghost
          items={pageTopics().map((t) => ({ key: t.title, label: t.title, children: <HelpContent topic={t} /> }))}
        />
      </Card>
    </>
  );
}
