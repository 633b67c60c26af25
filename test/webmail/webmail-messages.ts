/**
 * The test messages delivered into the Roundcube mailbox (test/fixtures/webmail/*.eml, in file
 * order, so the first file gets IMAP uid 1) and what the banner must say about each.
 * Phishing patterns must never be shown as safe; clean mail from inside the hospital must be.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEBMAIL_FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/webmail');

export interface WebmailMessage {
  file: string;
  /** Subject as Roundcube shows it (decoded). */
  subject: string;
  charset: 'ISO-2022-JP' | 'Shift_JIS' | 'UTF-8';
  kind: 'phishing' | 'clean';
  /** What the message tries (phishing) or shows (clean), for test names. */
  pattern: string;
  /** Host of a link the guard must stop (never requested). */
  guardedHost?: string;
}

export const WEBMAIL_MESSAGES: readonly WebmailMessage[] = [
  { file: '01-phish-card-lookalike-iso2022jp.eml', subject: '【重要】カードご利用確認のお願い', charset: 'ISO-2022-JP', kind: 'phishing', pattern: 'look-alike card company domain', guardedHost: 'www.srnbc-card.com' },
  { file: '02-phish-brand-mismatch-shift-jis.eml', subject: 'お支払い方法の更新が必要です', charset: 'Shift_JIS', kind: 'phishing', pattern: 'link text shows amazon.co.jp, goes elsewhere', guardedHost: 'amazon-co-jp.account-update.example.net' },
  { file: '03-phish-encrypted-zip-utf8.eml', subject: '【請求書】11月分のご請求について', charset: 'UTF-8', kind: 'phishing', pattern: 'encrypted zip with password promise and enable-content' },
  { file: '04-clean-shift-notice-iso2022jp.eml', subject: '12月の夜勤シフト表について', charset: 'ISO-2022-JP', kind: 'clean', pattern: 'colleague, plain text' },
  { file: '05-clean-minutes-shift-jis.eml', subject: '感染対策委員会 議事録（11月）', charset: 'Shift_JIS', kind: 'clean', pattern: 'colleague, PDF attachment' },
  { file: '06-clean-training-utf8.eml', subject: '院内研修の資料を掲載しました', charset: 'UTF-8', kind: 'clean', pattern: 'hospital portal link that says where it goes' },
];

export function messageBytes(message: WebmailMessage): Buffer {
  return readFileSync(join(WEBMAIL_FIXTURES, message.file));
}

/** The organisation the test policy describes (the clean mail comes from its domain). */
export const TEST_ORG = { orgName: '心得病院', orgDomains: ['kokoroe-hospital.example'] };
