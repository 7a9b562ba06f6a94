import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Nomination } from '../api';
import { showInstant } from '../../../ui/dates';

export const statusColor = { nominated: 'gold', accepted: 'green', rejected: 'default', withdrawn: 'default' } as const;

/** 审核 status, the winner's tag (拟表彰 until the award, then 已表彰), the review reason and a withdrawal's reason and date. */
export function StatusTags({ r, awarded }: { r: Nomination; awarded: boolean }) {
  return (
    <>
      <Tag color={statusColor[r.status]}>{r.statusLabel}</Tag>
      {r.nomineeType !== 'unit' ? <Tag color={r.consent ? 'blue' : 'orange'} data-testid="consent-tag">{r.consent ? r.consentLabel.replace('已同意公开', '同意公开') : '未登记同意公开'}</Tag> : null}
      {r.winner ? <Tag color="red">{awarded ? '已表彰' : '拟表彰'}</Tag> : null}
      {r.reviewReason ? <div><Typography.Text type="secondary">{r.reviewReason}</Typography.Text></div> : null}
      {r.withdrawReason ? (
        <div data-testid="withdraw-reason">
          <Typography.Text type="secondary">
            撤回理由：{r.withdrawReason}
            {r.withdrawnAt ? `（${showInstant(r.withdrawnAt)}）` : ''}
          </Typography.Text>
        </div>
      ) : null}
    </>
  );
}

/** The nominations on a phone: one card each, the actions at the foot of the card, within the screen. */
export function NominationCards({ items, loading, manage, awarded, actions }: { items: Nomination[]; loading: boolean; manage: boolean; awarded: boolean; actions: (r: Nomination) => ReactNode }) {
  if (!loading && !items.length) return <Empty description="暂无提名" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={12} data-testid="nomination-cards">
      {loading && !items.length ? <Card loading /> : null}
      {items.map((r) => (
        <Card key={r.id} size="small" data-testid="nomination" title={<span style={{ whiteSpace: 'normal' }}>{r.code} {r.name}</span>} styles={{ body: { paddingBottom: 8 } }}>
          <Typography.Text type="secondary">公开：{r.shownName} · 推荐：{r.nominatingOrgName}</Typography.Text>
          <div style={{ margin: '6px 0' }}><StatusTags r={r} awarded={awarded} /></div>
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ marginBottom: 6 }}>{r.deeds}</Typography.Paragraph>
          {manage ? (
            <Descriptions size="small" column={2} style={{ marginBottom: 6 }} items={[
              { key: 'v', label: '票数', children: r.votes ?? '—' },
              { key: 'j', label: '评委均分', children: r.juryScore ?? '—' },
              { key: 'f', label: '最终得分', children: r.finalScore ?? '—' },
              { key: 'r', label: '排名', children: r.rank ?? '—' },
            ]} />
          ) : null}
          {actions(r)}
        </Card>
      ))}
    </Flex>
  );
}
