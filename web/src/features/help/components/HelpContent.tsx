import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { helpRules, type HelpRule, type HelpTopic } from '../content';

const { Paragraph, Text, Title } = Typography;

/** A rule block: its paragraphs and 写法 → 结果 examples. */
export function RuleBlock({ rule, level = 5 }: { rule: HelpRule; level?: 4 | 5 }) {
  return (
    <section data-testid="help-rule">
      <Title level={level} style={{ marginTop: 16 }}>
        {rule.title}
      </Title>
      {rule.paragraphs.map((p) => (
        <Paragraph key={p} style={{ marginBottom: 8 }}>
          {p}
        </Paragraph>
      ))}
      {rule.examples?.length ? (
        <ul style={{ paddingInlineStart: 20, margin: '0 0 8px' }}>
          {rule.examples.map((e) => (
            <li key={e.write} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
              <Text code>{e.write}</Text>
              <Text type="secondary">　→　</Text>
              {e.result}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One page's help: what it is for, the steps, each field, the rules it follows, where to go next. */
export function HelpContent({ topic }: { topic: HelpTopic }) {
  return (
    <Typography data-testid="help-content">
      <Paragraph strong>{topic.purpose}</Paragraph>
      {topic.steps?.length ? (
        <>
          <Title level={5}>怎么用</Title>
          <ol style={{ paddingInlineStart: 20 }}>
            {topic.steps.map((s) => (
              <li key={s} style={{ marginBottom: 4 }}>
                {s}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {topic.fields?.length ? (
        <>
          <Title level={5}>各项说明</Title>
          <dl style={{ margin: 0 }}>
            {topic.fields.map((f) => (
              <div key={f.name} style={{ marginBottom: 8 }}>
                <dt>
                  <Text strong>{f.name}</Text>
                </dt>
                <dd style={{ marginInlineStart: 0 }}>{f.text}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {topic.rules?.map((k) => <RuleBlock key={k} rule={helpRules[k]} />)}
      {topic.links?.length ? (
        <Paragraph style={{ marginTop: 16 }}>
          相关页面：
          {topic.links.map((l, i) => (
            <span key={l.to}>
              {i ? '、' : ''}
              <Link to={l.to}>{l.label}</Link>
            </span>
          ))}
        </Paragraph>
      ) : null}
    </Typography>
  );
}
