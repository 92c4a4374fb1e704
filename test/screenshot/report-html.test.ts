import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/records/report.js';
import { topServices } from '../../src/report/svg-charts.js';
import { explain, startE2E, type E2E } from '../e2e/harness.js';
import { REPO_ROOT } from '../support/run-action.js';
import { blend, measureBars, measureLineChart, type Rgb } from './charts.js';
import { dumpDom, findChromium, screenshot } from './chromium.js';
import { inspectPage } from './devtools.js';
import { decodePng } from './png.js';

// report.html's light palette (html-style.ts): what the charts must be painted in.
const ACCENT: Rgb = [0x09, 0x69, 0xda];
const PANEL: Rgb = [0xf6, 0xf8, 0xfa];
const PREVIOUS: Rgb = [0x8c, 0x95, 0x9f];
const AREA = blend(ACCENT, 0.15, PANEL);
const SIZE = { width: 1280, height: 2000 };
/** An iPhone 12–15's width in CSS px, laid out as a phone does (the page's viewport meta applies). */
const PHONE = { width: 390, height: 2400, mobile: true };
/** Rendered height, in CSS px, a chart label needs at least to be read (an 11 px font's text box). */
const READABLE_TEXT_PX = 11;

/** Measures what a reader of the page sees: its width against the viewport, and the chart labels shown. */
const LAYOUT = `(() => {
  const shown = (e) => e.getClientRects().length > 0;
  const labels = [...document.querySelectorAll('svg.chart text')].filter(shown).map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent, height: r.height, left: r.left, right: r.right };
  });
  const charts = [...document.querySelectorAll('svg.chart')].filter(shown).map((c) => c.id);
  return { viewport: innerWidth, scrollWidth: document.documentElement.scrollWidth, labels, charts };
})()`;

interface Layout {
  viewport: number;
  scrollWidth: number;
  labels: Array<{ text: string; height: number; left: number; right: number }>;
  charts: string[];
}

const binary = findChromium();
const skip = binary === undefined && !process.env.CI;
if (skip)
  console.warn(
    'report.html screenshot test skipped: no chromium binary on PATH (apt-get install chromium, or set CHROMIUM_PATH); under CI this fails instead',
  );

if (binary === undefined && process.env.CI) {
  // Under CI a missing browser is a broken setup, not a reason to skip.
  describe('report.html in headless Chromium', () => {
    it('has a chromium binary', () => {
      throw new Error("no chromium found on PATH (or CHROMIUM_PATH): .ci/run must install Debian's chromium package");
    });
  });
}

/**
 * The report.html of a real action run (the demo account through the fakes), rendered by
 * headless Chromium: the DOM has both charts with their data, and the screenshot shows them
 * drawn — an area with a line along its top across the whole daily chart, and one bar per
 * service whose lengths are proportional to the costs in report.json.
 */
describe.skipIf(skip || binary === undefined)(
  `report.html in headless Chromium${skip ? ' (skipped: no chromium binary; install chromium or set CHROMIUM_PATH)' : ''}`,
  () => {
    let e: E2E;
    let html: string;
    let report: Report;

    beforeAll(async () => {
      e = await startE2E('screenshot');
      const run = await e.run({ inputs: { regions: 'all' } });
      if (run.exitCode !== 0) throw new Error(explain(run));
      const dir = join(run.workspace, run.outputs['report-dir']!);
      html = join(dir, 'report.html');
      report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    });
    afterAll(async () => {
      await e?.stop();
    });

    it('Chromium parses both charts with every data point', () => {
      const dom = dumpDom(binary!, html);
      const daily = /<svg id="daily-cost-chart"[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? '';
      const line = /<path class="series line" d="M([^"]+)"/.exec(daily)?.[1] ?? '';
      const points = line.split(' L').map((p) => p.split(',').map(Number));
      expect(points.length).toBe(report.costs!.daily.length);
      expect(points.every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
      expect(new Set(points.map((p) => p[1])).size).toBeGreaterThan(5);
      const service = /<svg id="service-cost-chart"[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? '';
      expect(service.match(/<rect class="bar" /g)?.length).toBe(topServices(report.costs!.byService).length);
    });

    it('the screenshot shows the daily chart and the bars drawn, to scale', () => {
      // Kept (git-ignored) for a human to look at when an assertion fails.
      const dir = join(REPO_ROOT, '.tmp/screenshots');
      mkdirSync(dir, { recursive: true });
      const png = join(dir, 'report.png');
      copyFileSync(html, join(dir, 'report.html'));
      screenshot(binary!, html, png, SIZE);
      const image = decodePng(readFileSync(png));
      expect({ width: image.width, height: image.height }).toEqual(SIZE);

      const chart = measureLineChart(image, { area: AREA, line: ACCENT });
      expect(chart, `no pixel in the area colour ${AREA.join(',')}: the daily chart did not draw (see ${png})`).toBeDefined();
      const { box } = chart!;
      expect(box.right - box.left, 'daily chart width').toBeGreaterThan(SIZE.width * 0.6);
      expect(chart!.areaPixels, 'filled area').toBeGreaterThan(50_000);
      expect(chart!.lineCoverage, 'line present across the chart').toBeGreaterThan(0.95);
      expect(chart!.lineOnArea, 'line along the top of the area').toBeGreaterThan(0.9);
      expect(chart!.lineSpan, 'the line moves with the data').toBeGreaterThan(10);

      const expected = topServices(report.costs!.byService);
      const bars = measureBars(image, ACCENT, { fromY: box.bottom + 1, minRows: 8 });
      expect(bars.length, `service bars (see ${png})`).toBe(expected.length);
      const widest = bars[0]!.length;
      bars.forEach((bar, i) => {
        const want = (expected[i]!.current / expected[0]!.current) * widest;
        expect(Math.abs(bar.length - want), `bar ${i} (${expected[i]!.label})`).toBeLessThanOrEqual(3);
      });
      const previous = measureBars(image, PREVIOUS, { fromY: box.bottom + 1, minRows: 3 });
      expect(previous.length, 'same-days-last-month bars').toBe(expected.filter((s) => s.previous > 0).length);
    });
    for (const viewport of [PHONE, { ...SIZE, mobile: false }]) {
      it(`at ${viewport.width} px the page does not scroll sideways, and every chart label is readable`, async () => {
        const { value, png } = await inspectPage<Layout>(binary!, html, viewport, LAYOUT);
        const file = join(REPO_ROOT, '.tmp/screenshots', `report-${viewport.width}.png`);
        mkdirSync(join(REPO_ROOT, '.tmp/screenshots'), { recursive: true });
        writeFileSync(file, png);
        expect(value.viewport).toBe(viewport.width);
        expect(value.scrollWidth, `page width at ${viewport.width} px (see ${file})`).toBe(viewport.width);
        // One layout of each chart is shown: both charts, each once.
        expect(value.charts.map((id) => id.replace(/-narrow$/, ''))).toEqual(['daily-cost-chart', 'service-cost-chart']);
        expect(value.labels.length, 'chart labels shown').toBeGreaterThan(15);
        const small = value.labels.filter((l) => l.height < READABLE_TEXT_PX);
        expect(small, `chart labels under ${READABLE_TEXT_PX} px high (see ${file})`).toEqual([]);
        const outside = value.labels.filter((l) => l.left < 0 || l.right > viewport.width);
        expect(outside, 'chart labels cut by the screen edge').toEqual([]);
        // The chart drawn at this width shows the area with its line across it.
        const chart = measureLineChart(decodePng(png), { area: AREA, line: ACCENT }, viewport.width / 10);
        expect(chart, `daily chart at ${viewport.width} px (see ${file})`).toBeDefined();
        expect(chart!.box.right - chart!.box.left, 'daily chart width').toBeGreaterThan(viewport.width * 0.6);
        expect(chart!.lineCoverage, 'line present across the chart').toBeGreaterThan(0.95);
      });
    }

    it('the same measures find nothing when the charts are blanked (the check can fail)', () => {
      const dir = join(REPO_ROOT, '.tmp/screenshots');
      const blanked = join(dir, 'report-blanked.html');
      const png = join(dir, 'report-blanked.png');
      const page = readFileSync(html, 'utf8')
        .replace(/(<path class="series[^"]*" d=")[^"]*"/g, '$1"')
        .replace(/(<rect class="bar[^"]*" x="[^"]*" y="[^"]*" width=")[^"]*"/g, '$10"');
      writeFileSync(blanked, page);
      screenshot(binary!, blanked, png, SIZE);
      const image = decodePng(readFileSync(png));
      expect(measureLineChart(image, { area: AREA, line: ACCENT })).toBeUndefined();
      expect(measureBars(image, ACCENT, { fromY: 0, minRows: 8 })).toEqual([]);
    });
  },
);
