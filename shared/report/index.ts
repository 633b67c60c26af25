/** Public API of the report module: build, mail and answer parsing of `kokoroe.report/1`. */
export { buildReport, isReportId } from './build-report';
export type { BuildReportInput, BuildReportResult } from './build-report';
export { REPORT_LIMITS } from './limits';
export * from './types';
export { buildMailto, mailtoBody, MAILTO_BODY_CHARS, MAILTO_SUBJECT_CHARS } from './mailto';
export type { MailtoLang } from './mailto';
export { parseAnswer, parseAnswerText, ANSWER_CODES, ANSWER_STATUSES, ANSWER_TEXTS, ANSWER_NOTE_CHARS } from './answer';
export type { AnswerCode, AnswerStatus, ReportAnswer } from './answer';
