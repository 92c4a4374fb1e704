import { describe, expect, it } from 'vitest';
import { dailyCostMermaid } from '../../../src/report/mermaid.js';
import { fixtureReport } from './fixture-report.js';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const chart = (): string => dailyCostMermaid(fixtureReport().costs!.daily)!;

describe('dailyCostMermaid', () => {
  it('sets the line colour in an init directive, with contrast on GitHub light and dark backgrounds', () => {
    const lines = chart().split('\n');
    expect(lines[0]).toBe('```mermaid');
    const init = /^%%\{init: (.*)\}%%$/.exec(lines[1]!)?.[1];
    expect(init, 'init directive on the first line of the block').toBeDefined();
    const config = JSON.parse(init!) as { themeVariables?: { xyChart?: { plotColorPalette?: string } } };
    const palette = config.themeVariables?.xyChart?.plotColorPalette ?? '';
    expect(palette).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrast(palette, '#ffffff'), 'against GitHub light').toBeGreaterThanOrEqual(3);
    expect(contrast(palette, '#0d1117'), 'against GitHub dark').toBeGreaterThanOrEqual(3);
    expect(lines[2]).toBe('xychart-beta');
  });

  it('labels the x axis with the day of the month only', () => {
    const axis = /x-axis \[(.*)\]/.exec(chart())?.[1] ?? '';
    const labels = axis.split(', ').map((l) => JSON.parse(l) as string);
    // The fixture runs from 2026-10-26 to 2026-11-24.
    expect(labels).toHaveLength(30);
    expect(labels.slice(0, 7)).toEqual(['26', '27', '28', '29', '30', '31', '1']);
    expect(labels.at(-1)).toBe('24');
    expect(chart()).toContain('title "Daily cost 2026-10-26 to 2026-11-24 (USD)"');
  });
});
