import { lazy, Suspense } from 'react';
import type { ChartProps } from './Chart';

// ECharts is its own chunk: the cards render (and the page is usable) while the charts load.
const Chart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<div style={{ height: Number(props.style?.height ?? 320) }} aria-busy="true" />}>
      <Chart {...props} />
    </Suspense>
  );
}
