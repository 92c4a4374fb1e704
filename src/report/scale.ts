/**
 * Axis arithmetic shared by the Mermaid and SVG charts.
 */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for values ≤ 0. */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value - magnitude * 1e-9) return candidate;
  }
  return 10 * magnitude;
}

/** Axis range `[min, max]` that includes 0 and every value, with nice bounds. */
export function niceRange(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  const max = Math.max(0, ...finite);
  const min = Math.min(0, ...finite);
  return [min < 0 ? -niceCeil(-min) : 0, niceCeil(max)];
}

/** `count + 1` evenly spaced tick values from `min` to `max`. */
export function ticks(min: number, max: number, count = 4): number[] {
  const out: number[] = [];
  for (let i = 0; i <= count; i++) out.push(min + ((max - min) * i) / count);
  return out;
}

/** A number written with at most `digits` decimals and no trailing zeros, for SVG and Mermaid. */
export function num(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '0';
  const fixed = value.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}
