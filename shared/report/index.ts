/** Public API of the report module: build, mail and answer parsing of `kokoroe.report/1`. */
export { buildReport, isReportId } from './build-report';
export type { BuildReportInput, BuildReportResult } from './build-report';
export { REPORT_LIMITS } from './limits';
export * from './types';
