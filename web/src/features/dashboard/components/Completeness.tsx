import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { DashboardLink } from './DashboardLink';
import type { Dashboard, MonthCompleteness, ReportingUnit } from '../api';

function MonthList({ title, month, testId }: { title: string; month: MonthCompleteness; testId: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text strong>
        {title}（{Number(month.month.slice(5))}月）无记录：{month.missing.length} 个单位
      </Typography.Text>
      <div style={{ marginTop: 8 }}>
        {month.missing.length ? (
          month.missing.map((u) => (
            <Tag key={u.id} color="orange" style={{ marginBottom: 4 }}>
              <DashboardLink id={u.id}>{u.name}</DashboardLink>
            </Tag>
          ))
        ) : (
          <Typography.Text type="success">全部单位均有记录</Typography.Text>
        )}
      </div>
    </div>
  );
}

/**
 * 填报情况: the units with no ledger record dated this month or last month — by the record's own date
 * (活动开始日期, 发放日期, 放款日期, 签订日期), not by when it was typed in, so a December import of
 * November's records fills November.
 */
export function Completeness({ data }: { data: Dashboard }) {
  const c = data.completeness;
  return (
    <Card size="small" title="填报情况（按记录所属月份）">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="completeness-rule">
        按记录本身的日期统计：活动按开始日期、帮扶按发放日期、贷款按放款日期（申请中的按录入日期）、集体合同按签订日期，与何时录入或导入无关。
      </Typography.Paragraph>
      {c.units.length === 0 ? (
        <Empty description="没有需要填报的单位" />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <MonthList title="本月" month={c.thisMonth} testId="completeness-this" />
            </Col>
            <Col xs={24} md={12}>
              <MonthList title="上月" month={c.lastMonth} testId="completeness-last" />
            </Col>
          </Row>
          <Table<ReportingUnit>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="id"
            pagination={c.units.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            dataSource={c.units}
            columns={[
              { title: '单位', key: 'name', render: (_: unknown, u) => <DashboardLink id={u.id}>{u.name}</DashboardLink> },
              { title: '上级', dataIndex: 'parentName', key: 'parent' },
              { title: '本月记录', dataIndex: 'thisMonth', key: 'this', align: 'right' },
              { title: '上月记录', dataIndex: 'lastMonth', key: 'last', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
