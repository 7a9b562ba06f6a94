import { Card, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type Dashboard, metricsUrl, showValue } from '../api';
import { LazyChart } from './LazyChart';

/** Monthly trend of one additive figure (bars for counts, a line for money); a click opens that month's records. */
export function TrendChart({ data }: { data: Dashboard }) {
  const navigate = useNavigate();
  const { trends, unit } = data;
  const [code, setCode] = useState(trends.series[0]?.code ?? '');
  const s = trends.series.find((x) => x.code === code) ?? trends.series[0];
  if (!s) return null;
  const money = s.unit === '元' || s.unit === '万元';
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 16, top: 36, bottom: 32, outerBoundsMode: 'none' },
    xAxis: { type: 'category', data: trends.months.map((m) => `${Number(m.slice(5))}月`) },
    yAxis: { type: 'value', name: s.unit },
    series: [{ name: s.label, type: money ? 'line' : 'bar', data: s.values, smooth: false, symbolSize: 10, itemStyle: { color: '#c41d1d' } }],
  };
  return (
    <Card
      size="small"
      title={`月度趋势（${data.year}年，全年 ${showValue(s.total)}${s.unit}）`}
    >
      <Select
        size="small"
        value={s.code}
        onChange={setCode}
        style={{ width: 170 }}
        data-testid="trend-metric"
        aria-label="趋势指标"
        options={trends.series.map((x) => ({ value: x.code, label: x.label }))}
      />
      <LazyChart
        testId="dashboard-trend"
        label={`${s.label}按月趋势`}
        option={option}
        onClick={(e) => {
          const range = trends.monthLinks[e.dataIndex];
          if (range) void navigate(metricsUrl({ code: s.code, org: unit.code, ...range }));
        }}
      />
    </Card>
  );
}
