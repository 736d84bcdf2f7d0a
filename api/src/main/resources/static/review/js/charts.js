// Horizontal SVG bar charts for the audit's shares (0 to 1), one bar per series and row.

import {el, svg, percent} from './dom.js';

const WIDTH = 720;
const LABEL_WIDTH = 210;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 70;
const BAR_HEIGHT = 13;
const ROW_GAP = 10;
const LEGEND_HEIGHT = 22;

/**
 * A figure with a caption and an SVG chart.
 * @param title the caption
 * @param series names of the bars within a row, e.g. configurations
 * @param rows [{label, values: one number (0 to 1) or null per series}]
 */
export function barChart(title, series, rows) {
  const rowHeight = series.length * BAR_HEIGHT + ROW_GAP;
  const height = LEGEND_HEIGHT + rows.length * rowHeight + 4;
  const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': title, className: 'chart'});
  series.forEach((name, s) => {
    const x = LABEL_WIDTH + s * 170;
    chart.append(svg('rect', {x, y: 4, width: 12, height: 12, className: 'bar series-' + (s % 6)}),
        svg('text', {x: x + 16, y: 14, className: 'legend', text: name}));
  });
  rows.forEach((row, r) => {
    const top = LEGEND_HEIGHT + r * rowHeight;
    chart.append(svg('text', {x: LABEL_WIDTH - 8, y: top + (series.length * BAR_HEIGHT) / 2 + 4,
      className: 'row-label', 'text-anchor': 'end', text: truncate(row.label, 34)}, svg('title', {text: row.label})));
    series.forEach((name, s) => {
      const value = row.values[s];
      if (value === null || value === undefined) {
        return;
      }
      const y = top + s * BAR_HEIGHT;
      const width = Math.max(0, Math.min(1, value)) * BAR_SPACE;
      chart.append(svg('rect', {x: LABEL_WIDTH, y, width: width.toFixed(1), height: BAR_HEIGHT - 2,
        className: 'bar series-' + (s % 6), dataset: {value: String(value)}},
      svg('title', {text: `${row.label} · ${name}: ${percent(value)}`})),
      svg('text', {x: LABEL_WIDTH + width + 4, y: y + BAR_HEIGHT - 3, className: 'value', text: percent(value)}));
    });
  });
  return el('figure', {className: 'chart-figure'}, el('figcaption', {text: title}), chart);
}

function truncate(text, length) {
  const s = String(text);
  return s.length > length ? s.slice(0, length - 1) + '…' : s;
}
