/** The analysis engine's public surface: graph builder, regions, check configuration. */
export { ANALYSIS_TASK_ID, buildAnalysisGraph, type AnalysisGraphOptions } from './graph.js';
export { regionsOfTaskIds, resolveRegions } from './regions.js';
export {
  CheckConfigError,
  defaultChecksConfig,
  parseCheckSelection,
  parseChecksConfig,
  selectChecks,
  type CheckSettings,
  type ChecksConfig,
} from './config.js';
export { CHECK_IDS, CHECKS } from './checks/registry.js';
export type { AnalysisResult } from '../records/analysis.js';
export type { ChecksResult } from './tasks/checks-result.js';
export { potentialSavings } from './savings.js';
