// A bar chart with the table behind it. The chart (recharts, loaded only with this screen) is a
// picture for sighted readers and hidden from screen readers; the table below it holds the same
// numbers, with a caption and header cells, and is what assistive technology reads. The table is
// shown by default and can be hidden (the chart alone is quicker to scan).
import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  label: string;
  /** A fill colour with at least 3:1 contrast on white (WCAG 1.4.11). */
  color: string;
}

export interface ChartRow {
  key: string;
  label: string;
  values: Readonly<Record<string, number>>;
}

export function ChartTable(props: {
  caption: string;
  /** The first column's heading (what the rows are). */
  rowHeading: string;
  series: readonly Series[];
  rows: readonly ChartRow[];
  /** Bars across (long row labels, many rows) instead of up. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Adds a Total column. */
  total?: boolean;
}) {
  const [showTable, setShowTable] = useState(true);
  const tableId = useId();
  const data = props.rows.map((r) => ({ name: r.label, ...r.values }));
  const horizontal = props.horizontal === true;
  const height = horizontal ? Math.max(160, props.rows.length * 28 + 60) : 260;
  return (
    <figure className="dq-chart">
      <figcaption className="dq-chart-caption">{props.caption}</figcaption>
      <div className="dq-chart-picture" aria-hidden="true">
        <BarChart
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          responsive
          style={{ width: '100%', height }}
          height={height}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={200} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="name" interval={0} />
              <YAxis allowDecimals={false} />
            </>
          )}
          <Tooltip />
          <Legend />
          {props.series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={props.stacked ? 'stack' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <button
        type="button"
        className="button button-link dq-table-toggle"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Hide the table' : 'Show the table'}
      </button>
      <div
        className="dq-table-wrap"
        id={tableId}
        hidden={!showTable}
        // A table wider than a phone scrolls sideways: keyboard users reach it by Tab (axe
        // scrollable-region-focusable), and the region is named after the table.
        tabIndex={0}
        role="region"
        aria-label={props.caption}
      >
        <table className="dq-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.rowHeading}</th>
              {props.series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
              {props.total ? <th scope="col">Total</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {props.series.map((s) => (
                  <td key={s.key}>{r.values[s.key] ?? 0}</td>
                ))}
                {props.total ? (
                  <td>{props.series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
