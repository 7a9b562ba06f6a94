import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

// Only what the dashboard draws: bar and line charts on a grid, with tooltips and a legend.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

export interface ChartProps {
  option: Record<string, unknown>;
  onClick: (e: ChartClick) => void;
  style?: CSSProperties;
  testId: string;
  label: string;
}

/** One ECharts chart (tree-shaken core); a click on a bar or point reports which one. */
export function Chart({ option, onClick, style, testId, label }: ChartProps) {
  return (
    <div data-testid={testId} role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 320, width: '100%', ...style }}
        onEvents={{ click: (e: ChartClick) => onClick(e) }}
      />
    </div>
  );
}
