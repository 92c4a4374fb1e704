/**
 * What a reader sees first: how the potential saving is counted, next to it.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/report/html.js';
import { renderSummaryMarkdown } from '../../../src/report/markdown.js';
import { fixtureReport } from './fixture-report.js';

describe('the headline says how savings are counted', () => {
  it('each resource once, with the alternatives it leaves out', () => {
    const sentence =
      'Potential savings count each resource once, at its largest saving: 12 resources; 2 alternative findings on the same resources are not added.';
    expect(renderSummaryMarkdown(fixtureReport())).toContain(sentence);
    expect(renderSummaryMarkdown({ ...fixtureReport(), costs: null })).toContain(sentence);
    expect(renderHtml(fixtureReport())).toContain('each resource counted once: 12 resources · 2 alternatives not added');
  });
});
