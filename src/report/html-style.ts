/**
 * The stylesheet inlined into report.html: system fonts only (nothing to fetch), light and dark
 * schemes, a phone layout (no sideways page scroll: wide tables scroll in their own box, and
 * each chart's narrow layout replaces the wide one) and a print layout.
 */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --border: #d1d9e0;
  --accent: #0969da; --accent-soft: rgba(9, 105, 218, 0.15); --prev: #8c959f; --up: #cf222e; --down: #1a7f37; --warn: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --border: #3d444d;
    --accent: #4493f8; --accent-soft: rgba(68, 147, 248, 0.2); --prev: #656c76; --up: #f85149; --down: #3fb950; --warn: #d29922; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; color: var(--fg); background: var(--bg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; overflow-wrap: break-word; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
.meta, .note, figcaption { color: var(--muted); }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 20px 0; }
.kpi { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; }
.kpi .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.kpi .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
.kpi .detail { color: var(--muted); font-size: 13px; }
.up { color: var(--up); } .down { color: var(--down); }
.banner { border: 1px solid var(--border); border-left: 4px solid var(--warn); border-radius: 6px; padding: 10px 14px; margin: 12px 0; background: var(--panel); }
.banner.failed { border-left-color: var(--up); }
.banner.info { border-left-color: var(--accent); }
.table-wrap { overflow-x: auto; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--border); padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.sev-high { color: var(--up); font-weight: 600; } .sev-medium { color: var(--warn); font-weight: 600; }
td.alt { color: var(--muted); } td.strong { font-weight: 600; }
figure { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; }
svg.chart text { fill: var(--muted); font-size: 11px; font-family: inherit; }
svg.chart text.label { fill: var(--fg); font-size: 12px; }
svg.chart .grid { stroke: var(--border); stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart path.series.area { fill: var(--accent-soft); stroke: none; }
svg.chart path.series.line { fill: none; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
svg.chart circle.point { fill: var(--accent); }
svg.chart rect.bar { fill: var(--accent); }
svg.chart rect.bar.previous { fill: var(--prev); }
svg.chart.narrow { display: none; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; color: var(--muted); font-size: 12px; margin-top: 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: middle; }
.swatch.current { background: var(--accent); } .swatch.previous { background: var(--prev); }
ul.gaps li, ul.breakers li { margin: 4px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media screen and (max-width: 760px) {
  body { padding: 12px; }
  h1 { font-size: 20px; }
  .kpi .value { font-size: 20px; }
  th, td { padding: 4px 6px; }
  th { white-space: nowrap; }
  svg.chart:not(.narrow) { display: none; }
  svg.chart.narrow { display: block; }
  svg.chart.narrow text { font-size: 12px; }
  svg.chart.narrow text.label { font-size: 13px; }
  svg.chart.narrow path.series.line { stroke-width: 3; }
}
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } tr, figure { break-inside: avoid; } }
`;
