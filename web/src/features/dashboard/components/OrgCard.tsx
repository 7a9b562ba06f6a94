import { Card, Col, Empty, Flex, Progress, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { DashboardLink } from './DashboardLink';
import { type DashboardOrganization, type DashboardTarget, metricsUrl, showValue } from '../api';

const statusColors: Record<DashboardTarget['status'], string> = { ahead: 'green', met: 'green', on_track: 'blue', behind: 'red', missed: 'red' };

/** A target's progress bar with a mark at 序时进度 (the elapsed share of the year). */
export function TargetProgress({ target }: { target: DashboardTarget }) {
  const navigate = useNavigate();
  const progress = target.progress ?? 0;
  const open = () => target.link && navigate(metricsUrl(target.link));
  return (
    <div data-testid="dashboard-target" style={{ marginTop: 8 }}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text style={{ fontSize: 13 }}>{target.title}</Typography.Text>
        <Tag color={statusColors[target.status]} style={{ marginInlineEnd: 0 }}>
          {target.statusLabel}
        </Tag>
      </Flex>
      <Tooltip title={`完成 ${showValue(target.actual)}${target.unit === '%' ? '%' : target.unit} / 目标 ${showValue(target.value)}${target.unit === '%' ? '%' : target.unit}，序时进度 ${target.expectedProgress}%`}>
        <div
          role="link"
          tabIndex={0}
          style={{ position: 'relative', cursor: target.link ? 'pointer' : 'default' }}
          onClick={open}
          onKeyDown={(e) => e.key === 'Enter' && open()}
        >
          <Progress percent={Math.min(progress, 100)} format={() => `${target.progress ?? '—'}%`} status={target.status === 'behind' || target.status === 'missed' ? 'exception' : 'normal'} size="small" />
          <span
            aria-label={`序时进度 ${target.expectedProgress}%`}
            style={{ position: 'absolute', top: 2, bottom: 2, left: `calc((100% - 48px) * ${Math.min(target.expectedProgress, 100) / 100})`, borderLeft: '2px dashed #faad14' }}
          />
        </div>
      </Tooltip>
    </div>
  );
}

/** One mass organization: its key figures (each opens its records) and its targets for the year. */
export function OrgCard({ org, perOrgLink = true }: { org: DashboardOrganization; perOrgLink?: boolean }) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      data-testid="dashboard-org"
      data-code={org.code}
      title={perOrgLink ? <DashboardLink id={org.id}>{org.name}</DashboardLink> : org.name}
      extra={<Tag>{org.kindLabel}</Tag>}
      style={{ height: '100%' }}
    >
      <Row gutter={[8, 8]}>
        {org.figures.map((f) => (
          // two figures a row in a third of a laptop screen, so "1,236,800 元" stays on one line
          <Col key={f.code} xs={12} sm={8} xl={12} xxl={8}>
            <div
              role="link"
              tabIndex={0}
              data-testid="dashboard-figure"
              data-code={f.code}
              aria-label={`${f.label}：查看计入的记录`}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(metricsUrl(f.link))}
              onKeyDown={(e) => e.key === 'Enter' && navigate(metricsUrl(f.link))}
            >
              <Statistic title={<span style={{ fontSize: 12 }}>{f.label}</span>} value={showValue(f.value)} suffix={f.unit} styles={{ content: { fontSize: 20, whiteSpace: 'nowrap' } }} />
            </div>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
        年度目标（虚线为序时进度）
      </Typography.Text>
      {org.targets.length ? org.targets.map((t) => <TargetProgress key={t.id} target={t} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度暂无目标" />}
    </Card>
  );
}
