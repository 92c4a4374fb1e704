import type { Image } from './png.js';

export type Rgb = readonly [number, number, number];

export const near = (a: Rgb, b: Rgb, tolerance: number) =>
  Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;

/** `rgba(colour, alpha)` painted over `background`, as the browser composites it. */
export const blend = (colour: Rgb, alpha: number, background: Rgb): Rgb =>
  [0, 1, 2].map((i) => Math.round(colour[i]! * alpha + background[i]! * (1 - alpha))) as unknown as Rgb;

export interface LineChart {
  /** Bounding box of the filled area. */
  box: { left: number; right: number; top: number; bottom: number };
  areaPixels: number;
  /** Share of the area's columns that have a line pixel, 0..1. */
  lineCoverage: number;
  /** Share of those columns where the line runs along the top of the area (within a few px). */
  lineOnArea: number;
  /** Vertical extent of the line, px: a flat line would be ~0. */
  lineSpan: number;
}

/**
 * Finds the area + line chart by its fill colour and follows the line over it, column by
 * column. The area is the first band of rows mostly in the fill colour (grid lines under it
 * make 1–3 row gaps); stray pixels of that colour (anti-aliased bar edges) do not count. A row
 * counts with at least `minRowPixels` of the fill: lower it for a narrow screen, where a peak's
 * rows are narrow too.
 */
export function measureLineChart(image: Image, colours: { area: Rgb; line: Rgb }, minRowPixels = 100): LineChart | undefined {
  const isArea = (x: number, y: number) => near(image.pixel(x, y), colours.area, 6);
  const box = { left: Infinity, right: -1, top: -1, bottom: -1 };
  let areaPixels = 0;
  for (let y = 0, gap = 0; y < image.height; y++) {
    const xs: number[] = [];
    for (let x = 0; x < image.width; x++) if (isArea(x, y)) xs.push(x);
    if (xs.length < minRowPixels) {
      if (box.top >= 0 && ++gap > 3) break;
      continue;
    }
    gap = 0;
    if (box.top < 0) box.top = y;
    box.bottom = y;
    box.left = Math.min(box.left, xs[0]!);
    box.right = Math.max(box.right, xs.at(-1)!);
    areaPixels += xs.length;
  }
  if (areaPixels === 0) return undefined;
  let withLine = 0;
  let onArea = 0;
  const lineYs: number[] = [];
  // Skip the end columns: the round line joins and the point markers overhang there.
  for (let x = box.left + 4; x <= box.right - 4; x++) {
    let line = -1;
    for (let y = Math.max(0, box.top - 12); y <= box.bottom && line < 0; y++) if (near(image.pixel(x, y), colours.line, 70)) line = y;
    let areaTop = -1;
    for (let y = box.top; y <= box.bottom && areaTop < 0; y++) if (isArea(x, y)) areaTop = y;
    if (line < 0) continue;
    withLine++;
    lineYs.push(line);
    // The stroke (and a point marker) sits on the fill: its top is a few px above the fill's.
    if (areaTop >= 0 && areaTop - line >= -3 && areaTop - line <= 10) onArea++;
  }
  const columns = box.right - box.left - 7;
  return {
    box,
    areaPixels,
    lineCoverage: withLine / columns,
    lineOnArea: withLine ? onArea / withLine : 0,
    lineSpan: Math.max(...lineYs) - Math.min(...lineYs),
  };
}

export interface Bar {
  top: number;
  rows: number;
  left: number;
  length: number;
}

/**
 * Horizontal bars of one colour that start at the same x (the chart's value axis), below
 * `fromY`: runs of at least `minRows` rows, each with its longest run length.
 */
export function measureBars(image: Image, colour: Rgb, options: { fromY: number; minRows: number }): Bar[] {
  const runs: Array<{ y: number; left: number; length: number }> = [];
  for (let y = options.fromY; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!near(image.pixel(x, y), colour, 12)) continue;
      const left = x;
      while (x < image.width && near(image.pixel(x, y), colour, 12)) x++;
      if (x - left >= 2) runs.push({ y, left, length: x - left });
    }
  }
  // The axis is where most runs start; text or swatches of the same colour start elsewhere.
  const starts = new Map<number, number>();
  for (const r of runs) starts.set(r.left, (starts.get(r.left) ?? 0) + 1);
  const axis = [...starts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const bars: Bar[] = [];
  for (const run of runs.filter((r) => Math.abs(r.left - (axis ?? -9)) <= 1)) {
    const last = bars.at(-1);
    if (last && run.y === last.top + last.rows) {
      last.rows++;
      last.length = Math.max(last.length, run.length);
    } else if (!last || run.y > last.top + last.rows) {
      bars.push({ top: run.y, rows: 1, left: run.left, length: run.length });
    }
  }
  return bars.filter((b) => b.rows >= options.minRows);
}
