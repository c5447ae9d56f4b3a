import { niceScale } from "@/domain/dashboard";

export type ChartSeries = { name: string; color: string; values: number[] };

/**
 * A horizontal bar chart drawn on the server as SVG (no client code): one row per category, the
 * series side by side (grouped) or end to end (stacked), a labelled scale, a legend. It is one
 * image to assistive technology (role="img" with a summary); the same figures are in the table
 * that always accompanies it.
 */
export function BarChart({
  label,
  categories,
  series,
  stacked = false,
  wholeNumbers = false,
  format = (v: number) => v.toLocaleString("en-US"),
}: {
  label: string;
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  wholeNumbers?: boolean;
  format?: (v: number) => string;
}) {
  const width = 640;
  const left = 150;
  const right = 56;
  const barHeight = stacked ? 20 : 14;
  const rowGap = 10;
  const rowHeight = stacked ? barHeight : barHeight * series.length;
  const legendHeight = series.length > 1 ? 26 : 0;
  const top = legendHeight + 6;
  const plotHeight = categories.length * (rowHeight + rowGap);
  const height = top + plotHeight + 24;
  const totals = categories.map((_, i) => (stacked ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))));
  const { top: max, ticks } = niceScale(Math.max(0, ...totals), 5, wholeNumbers);
  const x = (v: number) => left + ((width - left - right) * v) / max;

  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} className="chart" preserveAspectRatio="xMinYMin meet">
      {series.length > 1
        ? series.map((s, i) => (
            <g key={s.name} transform={`translate(${left + i * 150}, 4)`}>
              <rect width="14" height="14" fill={s.color} />
              <text x="20" y="12" fontSize="13" fill="#1b2430">
                {s.name}
              </text>
            </g>
          ))
        : null}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={top + plotHeight} stroke="#c9d1da" />
          <text x={x(t)} y={top + plotHeight + 16} fontSize="12" textAnchor="middle" fill="#4a5563">
            {format(t)}
          </text>
        </g>
      ))}
      {categories.map((category, i) => {
        const y = top + i * (rowHeight + rowGap) + rowGap / 2;
        let offset = 0;
        return (
          <g key={category}>
            <text x={left - 8} y={y + rowHeight / 2 + 4} fontSize="13" textAnchor="end" fill="#1b2430">
              {category}
            </text>
            {series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const bar = stacked ? (
                <rect key={s.name} x={x(offset)} y={y} width={Math.max(0, x(offset + v) - x(offset))} height={barHeight} fill={s.color} />
              ) : (
                <g key={s.name}>
                  <rect x={left} y={y + j * barHeight} width={Math.max(0, x(v) - left)} height={barHeight - 2} fill={s.color} />
                  <text x={x(v) + 4} y={y + j * barHeight + barHeight - 4} fontSize="11" fill="#1b2430">
                    {format(v)}
                  </text>
                </g>
              );
              offset += v;
              return bar;
            })}
            {stacked ? (
              <text x={x(totals[i] ?? 0) + 4} y={y + barHeight - 5} fontSize="12" fill="#1b2430">
                {format(totals[i] ?? 0)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
