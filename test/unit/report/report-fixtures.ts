/** Synthetic snapshots and verdicts for the report tests (no real mail). */
import type { MailSnapshot, Verdict } from '../../../shared/model';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';

export const BODY_SECRET = '患者 山田花子様 診察券番号 0042-7781';

export function phishSnapshot(): MailSnapshot {
  return {
    host: 'gmail',
    from: { address: 'info@mhlw-go-jp.example', name: '厚生労働省' },
    replyTo: [{ address: 'collect@freemail.example' }],
    to: [{ address: 'nurse1@hospital.example.jp', name: '看護師1' }, { address: 'ward3@hospital.example.jp' }],
    cc: [{ address: 'doctor@hospital.example.jp' }],
    subject: '【至急】アカウント確認のお願い',
    date: '2026-11-20T01:02:03.000Z',
    messageId: '<abc123@mhlw-go-jp.example>',
    headers: [
      { name: 'Authentication-Results', value: 'mx.hospital.example.jp; spf=fail smtp.mailfrom=mhlw-go-jp.example; dkim=none; dmarc=fail' },
      { name: 'Received', value: 'from somewhere' },
    ],
    text: `${BODY_SECRET}\nこちらからログインしてください https://login.example.net/verify`,
    html: `<p>${BODY_SECRET}</p><a href="https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin.example.net%2Fverify&data=1">確認</a>`,
    anchors: [
      { href: 'https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin.example.net%2Fverify&data=1', text: '確認', source: 'html' },
      { href: 'https://login.example.net/verify', text: 'https://login.example.net/verify', source: 'text' },
      { href: 'mailto:help@example.net?subject=x&body=' + encodeURIComponent(BODY_SECRET), text: 'help' },
    ],
    attachments: [
      { name: '請求書.zip', contentType: 'application/zip', size: 2048, encrypted: true, innerNames: ['請求書.exe'], sha256: 'a'.repeat(64) },
    ],
  };
}

export function phishVerdict(): Verdict {
  return {
    level: 'danger',
    findings: [
      { rule: 'sender-auth-fail', severity: 'danger', target: { kind: 'header', value: 'Authentication-Results' }, params: { spf: 'fail' } },
      { rule: 'link-credential-lure', severity: 'danger', target: { kind: 'link', value: 'https://login.example.net/verify', index: 0 }, params: { host: 'login.example.net' } },
      { rule: 'body-archive-password', severity: 'caution', target: { kind: 'body', value: 'パスワード: Xy9!secret' }, params: { password: 'Xy9!secret', count: 1 } },
    ],
    unchecked: [],
  };
}

export function policyWith(over: Partial<Policy> = {}): Policy {
  return { ...structuredClone(DEFAULT_POLICY as Policy), ...over };
}
