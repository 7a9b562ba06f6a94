import { Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { PeriodPicker } from '../../../ui/PeriodPicker';
import { useListParams } from '../../../ui/use-list-params';
import { useRequest } from '../../../ui/use-request';
import { useAuth } from '../../../app/auth';
import { useTopUnit } from '../../../ui/use-top-unit';
import { knownOrgName, listOrgs } from '../../orgs/api';
import { OrgPicker } from '../../orgs/components/OrgPicker';
import { listMetrics, type MetricDef, type MetricScope } from '../api';
import { MetricCard } from '../components/MetricCard';
import { MetricRecordsDrawer } from '../components/MetricRecordsDrawer';

const ledgerTitles: Record<string, string> = {
  activities: '活动',
  assistance: '帮扶救助',
  loans: '妇女小额贷款',
  contracts: '集体合同',
  people: '人员',
  households: '家庭',
  orgs: '组织建设',
  designations: '命名与荣誉',
  cases: '个案办理（信访、调解、维权）',
  pairings: '结对帮扶',
  wishes: '微心愿',
  campaigns: '评选表彰',
};

/** 数据指标: the metric catalogue, each figure computed by the server for the unit and period. */
export function MetricsPage() {
  const list = useListParams();
  const { user } = useAuth();
  const top = useTopUnit(user?.id);
  const { data, loading } = useRequest(listMetrics, []);
  const [open, setOpen] = useState<{ metric: MetricDef; scope: MetricScope } | null>(null);
  // a report's or the dashboard's figure links here as /metrics?code=loans.amount{…}&org=<unit code>&from=…&to=…
  const [search, setSearch] = useSearchParams();
  const linked = search.get('code');
  const linkedOrg = search.get('org') ?? undefined;
  // the page opens on the URL's unit, else the linked figure's unit, else the caller's top unit
  const orgId = list.orgId ?? linkedOrg ?? top?.id;
  const scope: MetricScope = { org: orgId, from: list.from, to: list.to };
  const ready = Boolean(orgId) || top === null;

  // the linked unit (a code) becomes the page's unit filter, so the page behind the records is that unit's
  useEffect(() => {
    if (!linkedOrg) return;
    let live = true;
    listOrgs({ q: linkedOrg, pageSize: 20 }).then(
      (res) => {
        const unit = res.items.find((o) => o.code === linkedOrg || o.id === linkedOrg);
        if (!live || !unit) return;
        setSearch(
          (prev) => {
            const next = new URLSearchParams(prev);
            next.delete('org');
            next.set('orgId', unit.id);
            next.set('orgName', unit.name);
            return next;
          },
          { replace: true },
        );
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [linkedOrg, setSearch]);

  useEffect(() => {
    const def = linked ? data?.items.find((m) => m.code === linked.split('{')[0]) : undefined;
    if (def && linked) setOpen({ metric: { ...def, code: linked }, scope: { org: linkedOrg ?? list.orgId, from: list.from, to: list.to } });
    // the scope is read when the link arrives; resolving its unit code to an id must not reopen the drawer
  }, [linked, data]);

  const close = () => {
    setOpen(null);
    // closing a linked figure's records leaves its unit and period on the page, not the link
    if (linked) {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('code');
          return next;
        },
        { replace: true },
      );
    }
  };

  const groups = new Map<string, MetricDef[]>();
  for (const m of data?.items ?? []) groups.set(m.ledger, [...(groups.get(m.ledger) ?? []), m]);

  return (
    <>
      <PageHeader title="数据指标" sub="每个数字由服务器按所选单位（含下级）和期间实时计算；点击数字可查看计入的记录" />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <div data-testid="metrics-org" style={{ width: 260, maxWidth: '100%' }}>
          <OrgPicker
            value={list.orgId ?? top?.id}
            placeholder="全部单位（本级及下级）"
            style={{ width: '100%' }}
            onChange={(id) => list.update({ orgId: id, orgName: id ? knownOrgName(id) : undefined, org: undefined })}
          />
        </div>
        <PeriodPicker testId="metrics-period" allowClear={false} from={list.from} to={list.to} onChange={(from, to) => list.update({ from, to })} />
      </Flex>
      <div data-testid="metrics-list">
        {loading || !ready ? <Spin style={{ display: 'block', padding: 32 }} /> : null}
        {!loading && groups.size === 0 ? <Empty description="暂无指标" /> : null}
        {ready && [...groups].map(([ledger, metrics]) => (
          <section key={ledger} style={{ marginBottom: 20 }}>
            <Typography.Title level={5}>{ledgerTitles[ledger] ?? ledger}</Typography.Title>
            <Row gutter={[12, 12]}>
              {metrics.map((m) => (
                <Col key={m.code} xs={12} md={8} xl={6}>
                  <MetricCard metric={m} scope={scope} onOpen={(metric, s) => setOpen({ metric, scope: s })} />
                </Col>
              ))}
            </Row>
          </section>
        ))}
      </div>
      <MetricRecordsDrawer metric={open?.metric ?? null} scope={open?.scope ?? scope} onClose={close} />
    </>
  );
}
