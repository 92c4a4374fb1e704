/**
 * Report rendering: pure functions from the report model to the texts the publishers write
 * (job summary, report.md, report.html, findings.csv, report.json, PR comment).
 */
export * from '../records/report.js';
export {
  formatCount,
  formatDate,
  formatDuration,
  formatPercent,
  formatPeriod,
  formatUsd,
  formatUsdChange,
  formatUsdCompact,
  formatUsdSigned,
  percentChange,
} from './format.js';
export {
  escapeCsvCell,
  escapeHtml,
  escapeHtmlAttribute,
  escapeMarkdown,
  escapeMarkdownTableCell,
  sanitizeText,
  truncateText,
} from './escape.js';
export {
  DEFAULT_COMMENT_MAX_CHARS,
  DEFAULT_SUMMARY_MAX_BYTES,
  GITHUB_COMMENT_MAX_CHARS,
  GITHUB_SUMMARY_MAX_BYTES,
  utf8ByteLength,
} from './limits.js';
export { compareFindings, findingKey, sortFindings } from '../records/findings.js';
export { executionHealth, type ExecutionHealth, type BreakerView, type TaskCounts } from './health.js';
export { renderReportMarkdown, renderSummaryMarkdown, renderSummaryNotice, type SummaryOptions } from './markdown.js';
export {
  buildCommentData,
  COMMENT_MARKER,
  commentMarker,
  DEFAULT_BOT_LOGIN,
  findOurComment,
  planCommentAction,
  renderComment,
  type AmountDelta,
  type CommentAction,
  type CommentData,
  type CommentOptions,
  type IssueCommentLike,
  type ServiceDelta,
} from './comment.js';
export { renderHtml, type HtmlOptions } from './html.js';
export { evidenceJson, FINDINGS_CSV_COLUMNS, renderFindingsCsv } from './csv.js';
export { parseReport, readReportJson, renderReportJson, reportSchema, type ParsedReport } from './json.js';
