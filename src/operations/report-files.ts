import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderFindingsCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { renderReportJson } from '../report/json.js';
import { renderReportMarkdown } from '../report/markdown.js';
import type { Report } from '../records/report.js';

/** The artifact's files, in upload order. */
export const REPORT_FILES = ['report.json', 'report.md', 'report.html', 'findings.csv'] as const;

/**
 * Writes report.json, report.md, report.html and findings.csv into `dir` (created if needed),
 * each atomically, and returns their absolute paths.
 */
export async function writeReportFiles(dir: string, report: Report): Promise<string[]> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'report.json': renderReportJson(report),
    'report.md': renderReportMarkdown(report),
    'report.html': renderHtml(report),
    'findings.csv': renderFindingsCsv(report.findings),
  };
  const paths: string[] = [];
  for (const name of REPORT_FILES) {
    const path = join(root, name);
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, contents[name], 'utf8');
    await rename(temp, path);
    paths.push(path);
  }
  return paths;
}
