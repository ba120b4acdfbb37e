// One ECharts chart, drawn on a canvas. ECharts is imported here only (the statistics page's chunk),
// with just the charts and components these charts use, in a chunk of its own that the page loads
// after its numbers. A canvas says nothing to a screen reader, so each chart is an image with a
// label, described by the data table beside it.
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerEcharts, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// ECharts' own registration function (named `use` by ECharts), not React's `use` hook.
registerEcharts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Colours that keep 3:1 against white (WCAG 1.4.11 for graphics). */
const palette = ['#1d5fbf', '#d4380d', '#389e0d', '#722ed1', '#c41d7f', '#08979c', '#ad6800', '#595959'];

export default function Chart({
  option,
  label,
  describedBy,
  height = 300,
}: {
  option: ChartOption;
  label: string;
  describedBy?: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const c = init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: palette, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  }, [option]);

  return (
    <div ref={box} role="img" aria-label={label} aria-describedby={describedBy} style={{ width: '100%', height }} />
  );
}
