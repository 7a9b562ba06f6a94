import { Card, Flex, Pagination, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { showDate } from '../../../ui/dates';
import type { CaseItem } from '../api';
import { DeadlineBadge, StatusTag } from './badges';

export const partyNames = (c: CaseItem) => (c.parties.length ? c.parties.map((p) => p.name).join('、') : '未填写当事人');
export const kindText = (c: CaseItem) => (c.subkind ? `${c.kind}·${c.subkind}` : c.kind);

/** The phone inbox: one card per case, the whole card a link, nothing wider than the screen. */
export function CaseCards({ items, loading, total, page, pageSize, onPage }: { items: CaseItem[]; loading: boolean; total: number; page: number; pageSize: number; onPage: (p: number) => void }) {
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="case-cards">
        {items.length === 0 && !loading ? <Typography.Text type="secondary">没有符合条件的个案</Typography.Text> : null}
        {items.map((c) => (
          <Link key={c.id} to={`/cases/${c.id}`} data-testid="case-card" style={{ color: 'inherit', display: 'block', minWidth: 0 }}>
            <Card size="small" styles={{ body: { padding: 12 } }}>
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong ellipsis style={{ minWidth: 0, flex: 1 }}>
                  {kindText(c)}　{partyNames(c)}
                </Typography.Text>
                <StatusTag status={c.status} />
              </Flex>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0', wordBreak: 'break-all' }}>
                {c.confidential ? '保密个案，案情请进入详情查看' : c.summary}
              </Typography.Paragraph>
              <Flex wrap gap={6} align="center" style={{ fontSize: 13, color: '#595959' }}>
                {c.confidential ? <Tag color="magenta">保密</Tag> : null}
                {c.riskLevel ? <Tag color={c.riskLevel === '高' ? 'red' : 'default'}>风险{c.riskLevel}</Tag> : null}
                <DeadlineBadge deadline={c.deadline} />
                <span style={{ overflowWrap: 'anywhere' }}>{c.orgName}</span>
                <span>{showDate(c.registeredOn)}登记</span>
                {c.pendingToOrgName ? <span style={{ overflowWrap: 'anywhere' }}>转往{c.pendingToOrgName}</span> : null}
              </Flex>
            </Card>
          </Link>
        ))}
        {total > pageSize ? <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ alignSelf: 'center' }} /> : null}
      </Flex>
    </Spin>
  );
}
