import { Alert, Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { WishPublicFinding, WishPublicPreview } from '../api';

/** A field's text with each finding marked; the reason shows on hover and in the list below. */
function marked(text: string, findings: WishPublicFinding[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={`${f.start}-${f.end}`} title={f.message} data-testid="wish-preview-mark" style={{ background: '#ffccc7', color: '#a8071a', padding: '0 2px', borderRadius: 2 }}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/**
 * 公开页预览: the card the public wish page (/p/wishes/:code) shows, field for field, with any
 * personal data the public-text check finds marked in red and named — so the reviewer sees what
 * goes public before 审核通过 / 发布.
 */
export function PublicPreview({ preview, isPublic }: { preview: WishPublicPreview; isPublic: boolean }) {
  const { card, findings } = preview;
  const of = (field: string) => findings.filter((f) => f.field === field);
  return (
    <Card size="small" title={isPublic ? '公开页显示的内容' : '公开页预览（发布后公众看到的内容）'} data-testid="wish-public-preview">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="baseline" gap={12} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>{marked(card.title, of('title'))}</Typography.Title>
          <Typography.Text strong style={{ color: '#cf1322' }}>{card.valueYuan} 元</Typography.Text>
        </Flex>
        <Flex gap={12} wrap style={{ color: 'rgba(0,0,0,0.55)' }}>
          <span>编号 {card.id || '（发布时生成）'}</span>
          <span>{card.maskedName}（{card.kind}）</span>
          <Tag>{card.statusLabel}</Tag>
        </Flex>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="wish-preview-story">{marked(card.story, of('story'))}</Typography.Paragraph>
        <Typography.Text type="secondary">征集单位：{card.unitName}</Typography.Text>
        {findings.length ? (
          <Alert
            type="error"
            showIcon
            data-testid="wish-preview-findings"
            message={`发现 ${findings.length} 处受助人的个人信息，不能审核通过或发布；请修改心愿文字后再审核`}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {findings.map((f) => <li key={`${f.field}-${f.start}`}>{f.message}</li>)}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon message="未发现受助人的姓名、住址、学校、电话等个人信息" data-testid="wish-preview-clean" />
        )}
      </Flex>
    </Card>
  );
}
