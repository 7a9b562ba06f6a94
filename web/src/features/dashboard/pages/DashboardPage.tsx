import { Alert, Button, Col, Flex, Row, Select, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { showDate, thisYear } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { PrintButton, PrintOnlyHead } from '../../../ui/print';
import { PageLoading } from '../../../ui/states';
import { useApiQuery } from '../../../../shared/api/query';
import { getDashboard, getOrgDashboard } from '../api';
import { Completeness } from '../components/Completeness';
import { OrgCard, TargetProgress } from '../components/OrgCard';
import { TownshipComparison } from '../components/TownshipComparison';
import { TrendChart } from '../components/TrendChart';

/**
 * 领导驾驶舱: each mass organization's key figures and targets against 序时进度, monthly trends, the
 * township comparison and reporting completeness. /dashboard is the caller's top unit (the county for
 * a 县委 leader); /dashboard/:orgId is one organization. Every figure opens its records.
 */
export function DashboardPage() {
  const { orgId } = useParams();
  const currentYear = thisYear();
  // the year lives in the URL, so coming back from a figure's records shows the same year
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('year'));
  const year = Number.isInteger(asked) && asked >= 1949 && asked <= currentYear + 1 ? asked : currentYear;
  const setYear = (y: number) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (y === currentYear) next.delete('year');
        else next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  const { data, loading, error } = useApiQuery(['dashboard', orgId ?? '', year], () => (orgId ? getOrgDashboard(orgId, year) : getDashboard(year)), { keepPrevious: true });

  const yearPicker = (
    <Select
      data-testid="dashboard-year"
      className="qt-no-print"
      value={year}
      onChange={setYear}
      style={{ width: 110 }}
      options={[currentYear - 2, currentYear - 1, currentYear, currentYear + 1].map((y) => ({ value: y, label: `${y}年` }))}
    />
  );
  if (loading && !data) return <PageLoading />;
  if (!data) return error ? <Alert type="error" showIcon message="驾驶舱数据加载失败，请稍后重试" /> : null;
  const single = data.organizations.length === 1;
  return (
    <div data-testid="dashboard" data-unit={data.unit.code} style={{ opacity: loading ? 0.6 : 1 }}>
      <PrintOnlyHead unitName={data.unit.name} title={`${data.year}年领导驾驶舱`} meta={`截至${showDate(data.asOf)}，序时进度 ${data.expectedProgress}%`} />
      <PageHeader
        title={`领导驾驶舱 · ${data.unit.name}`}
        sub={`${data.year}年，截至${showDate(data.asOf)}，序时进度 ${data.expectedProgress}%；点击任一数字可查看计入的记录`}
        extra={
          <>
            {orgId ? (
              <Link to={year === currentYear ? '/dashboard' : `/dashboard?year=${year}`}>
                <Button>返回总览</Button>
              </Link>
            ) : null}
            {yearPicker}
            <PrintButton testId="dashboard-print" unitName={data.unit.name} title="领导驾驶舱" />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {data.organizations.map((o) => (
          <Col key={o.id} xs={24} md={12} xl={single ? 24 : 8}>
            <OrgCard org={o} perOrgLink={!single} />
          </Col>
        ))}
        {data.otherTargets.length ? (
          <Col xs={24}>
            <Typography.Text strong>其他年度目标</Typography.Text>
            {data.otherTargets.map((t) => (
              <TargetProgress key={t.id} target={t} />
            ))}
          </Col>
        ) : null}
        <Col xs={24} xl={12}>
          <TrendChart data={data} />
        </Col>
        <Col xs={24} xl={12}>
          <TownshipComparison key={data.unit.id} data={data} />
        </Col>
        <Col xs={24}>
          <Completeness data={data} />
        </Col>
      </Row>
      <Flex style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          数据来源：各单位录入的台账记录，按指标目录实时计算。
        </Typography.Text>
      </Flex>
    </div>
  );
}
