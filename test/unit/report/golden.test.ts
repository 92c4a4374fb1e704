import { describe, it } from 'vitest';
import { buildCommentData, COMMENT_MARKER, renderComment } from '../../../src/report/comment.js';
import { renderFindingsCsv } from '../../../src/report/csv.js';
import { renderHtml } from '../../../src/report/html.js';
import { renderReportJson } from '../../../src/report/json.js';
import { renderReportMarkdown, renderSummaryMarkdown } from '../../../src/report/markdown.js';
import { baselineReport, fixtureReport } from './fixture-report.js';
import { expectGolden } from './golden.js';

describe('golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  it('job summary', () => {
    expectGolden(
      'summary.md',
      renderSummaryMarkdown(fixtureReport(), {
        artifactUrl: 'https://github.com/octo-org/infra/actions/runs/1234567890/artifacts/987654321',
      }),
    );
  });

  it('report.md', () => {
    expectGolden('report.md', renderReportMarkdown(fixtureReport()));
  });

  it('PR comment with a baseline', () => {
    expectGolden('comment.md', renderComment(buildCommentData(fixtureReport(), baselineReport())));
  });

  it('PR comment without a baseline', () => {
    expectGolden('comment-no-baseline.md', renderComment(buildCommentData(fixtureReport(), null)));
  });

  it('report.html', () => {
    expectGolden('report.html', renderHtml(fixtureReport()));
  });

  it('findings.csv', () => {
    expectGolden('findings.csv', renderFindingsCsv(fixtureReport().findings));
  });

  it('report.json', () => {
    expectGolden('report.json', renderReportJson(fixtureReport()));
  });

  it('the comment golden starts with the marker', () => {
    const body = renderComment(buildCommentData(fixtureReport(), baselineReport()));
    if (!body.startsWith(COMMENT_MARKER)) throw new Error('comment does not start with the marker');
  });
});
