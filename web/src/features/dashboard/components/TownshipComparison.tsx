import { Card, Empty, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type Dashboard, type Figure, metricsUrl, showValue, type TownshipUnit } from '../api';
import { DashboardLink } from './DashboardLink';
import { LazyChart } from './LazyChart';

/** The grid the bar chart is drawn in (pixels): fixed, so a bar's place is known from its index. */
export const comparisonGrid = { left: 56, right: 16, top: 36, bottom: 72 };

/** Township comparison: the township bodies of one organization, one figure as bars, all figures as a table. */
export function TownshipComparison({ data }: { data: Dashboard }) {
  const navigate = useNavigate();
  const groups = new Map<string, { name: string; units: TownshipUnit[] }>();
  for (const u of data.townships) {
    const key = u.parentCode ?? u.code;
    const g = groups.get(key) ?? { name: u.parentName ?? u.name, units: [] };
    g.units.push(u);
    groups.set(key, g);
  }
  const keys = [...groups.keys()];
  const [group, setGroup] = useState<string | undefined>(undefined);
  const current = groups.get(group ?? keys[0] ?? '');
  const codes = current?.units[0]?.figures.map((f) => f.code) ?? [];
  const [code, setCode] = useState<string | undefined>(undefined);
  const chosen = code && codes.includes(code) ? code : codes[0];
  if (!current || !chosen) {
    return (
      <Card size="small" title="乡镇对比">
        <Empty description="本单位下没有乡镇一级的组织" />
      </Card>
    );
  }
  const figureOf = (u: TownshipUnit, c: string): Figure | undefined => u.figures.find((f) => f.code === c);
  const first = figureOf(current.units[0], chosen);
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { ...comparisonGrid, outerBoundsMode: 'none' },
    xAxis: { type: 'category', data: current.units.map((u) => u.name), axisLabel: { rotate: 35, interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: first?.unit },
    series: [{ name: first?.label, type: 'bar', data: current.units.map((u) => figureOf(u, chosen)?.value ?? 0), itemStyle: { color: '#1677ff' } }],
  };
  const columns = [
    { title: '单位', dataIndex: 'name', key: 'name', fixed: 'left' as const, render: (_: unknown, u: TownshipUnit) => <DashboardLink id={u.id}>{u.name}</DashboardLink> },
    ...codes.map((c) => ({
      title: `${figureOf(current.units[0], c)?.label ?? c}（${figureOf(current.units[0], c)?.unit ?? ''}）`,
      key: c,
      align: 'right' as const,
      render: (_: unknown, u: TownshipUnit) => {
        const f = figureOf(u, c);
        return f ? (
          <Link to={metricsUrl(f.link)} data-testid="township-cell">
            {showValue(f.value)}
          </Link>
        ) : null;
      },
    })),
  ];
  return (
    <Card size="small" title="乡镇对比">
      <Flex gap={8} wrap>
        {keys.length > 1 ? (
          <Select size="small" style={{ width: 150 }} value={group ?? keys[0]} onChange={setGroup} data-testid="township-org" options={keys.map((k) => ({ value: k, label: groups.get(k)?.name }))} />
        ) : null}
        <Select
          size="small"
          style={{ width: 170 }}
          value={chosen}
          onChange={setCode}
          data-testid="township-metric"
          options={codes.map((c) => ({ value: c, label: figureOf(current.units[0], c)?.label ?? c }))}
        />
      </Flex>
      <LazyChart
        testId="dashboard-townships"
        label="乡镇对比柱状图"
        option={option}
        style={{ height: 300 }}
        onClick={(e) => {
          const f = current.units[e.dataIndex] ? figureOf(current.units[e.dataIndex], chosen) : undefined;
          if (f) void navigate(metricsUrl(f.link));
        }}
      />
      <Table<TownshipUnit> size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={current.units} columns={columns} />
    </Card>
  );
}
