/**
 * The worker's gate on runtime messages: a wrong sender or a wrong shape is rejected before any
 * behaviour runs, and each request type is accepted only from the senders allowed to send it.
 */
import { describe, expect, test } from 'vitest';
import {
  acceptRequest, ALLOWED_SENDERS, classifySender, LIMITS, validateRequest, type RequestType, type SenderContext, type SenderLike,
} from '../../../../extension/messages';

const CONTEXT: SenderContext = {
  extensionId: 'lmkjdfjhlnjcbofjjmdbbhmljdiikcgg',
  extensionBaseUrl: 'chrome-extension://lmkjdfjhlnjcbofjjmdbbhmljdiikcgg/',
  webmailOrigins: ['https://mail.google.com', 'https://outlook.office.com', 'https://webmail.example-clinic.jp'],
};

const CONTENT: SenderLike = { id: CONTEXT.extensionId, url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 7 }, frameId: 0 };
const ROUNDCUBE_FRAME: SenderLike = { id: CONTEXT.extensionId, url: 'https://webmail.example-clinic.jp/?_task=mail&_action=preview&_uid=1', tab: { id: 8 }, frameId: 3 };
const PAGE: SenderLike = { id: CONTEXT.extensionId, url: 'chrome-extension://lmkjdfjhlnjcbofjjmdbbhmljdiikcgg/warning.html?id=x', tab: { id: 9 } };
const POPUP: SenderLike = { id: CONTEXT.extensionId, url: 'chrome-extension://lmkjdfjhlnjcbofjjmdbbhmljdiikcgg/popup.html' };

const VERDICT = {
  level: 'danger',
  findings: [{ rule: 'link-text-mismatch', severity: 'danger', target: { kind: 'link', value: 'https://evil.example/', index: 0 }, params: { shown: 'www.smbc-card.com' } }],
  unchecked: ['sender-auth-fail'],
};
const TARGET = { kind: 'link', href: 'https://evil.example/', text: 'https://www.smbc-card.com/', index: 0, findings: VERDICT.findings };
const UUID = '3b241101-e2bb-4255-8caf-4136c566a962';

const VALID: Record<RequestType, Record<string, unknown>> = {
  'get-context': { type: 'get-context' },
  'scan-message': { type: 'scan-message', key: 'gmail:#msg-f:1', snapshot: { host: 'gmail', from: { address: 'a@b.example' }, text: '本文', anchors: [], attachments: [] } },
  'message-verdict': { type: 'message-verdict', key: 'gmail:#msg-f:1', verdict: VERDICT, summary: { from: '三井住友カード <info@x.example>', subject: '確認' } },
  'open-warning': { type: 'open-warning', key: 'gmail:#msg-f:1', target: TARGET },
  'get-warning': { type: 'get-warning', id: UUID },
  'warning-proceed': { type: 'warning-proceed', id: UUID },
  'open-consult': { type: 'open-consult', key: 'gmail:#msg-f:1', snapshot: { host: 'gmail', subject: '確認', anchors: [{ href: 'https://evil.example/', text: 'x', source: 'dom' }], attachments: [{ name: 'a.zip', size: 10 }], missing: ['body'] }, verdict: VERDICT },
  'gate-recheck': { type: 'gate-recheck' },
  'gate-dismiss': { type: 'gate-dismiss' },
  'get-popup-state': { type: 'get-popup-state' },
};

describe('senders', () => {
  test.each([
    ['a content script on a webmail tab', CONTENT, 'content'],
    ['a content script in a Roundcube frame of a policy origin', ROUNDCUBE_FRAME, 'content'],
    ['an extension page in a tab', PAGE, 'page'],
    ['the popup (no tab)', POPUP, 'page'],
  ])('%s', (_name, sender, kind) => {
    expect(classifySender(sender, CONTEXT)).toBe(kind);
  });

  test.each([
    ['no sender', undefined],
    ['another extension', { ...CONTENT, id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['a content script on a page we do not watch', { ...CONTENT, url: 'https://evil.example/' }],
    ['a look-alike webmail origin', { ...CONTENT, url: 'https://mail.google.com.evil.example/' }],
    ['a webmail URL without a tab', { id: CONTEXT.extensionId, url: 'https://mail.google.com/' }],
    ['an http webmail origin', { ...CONTENT, url: 'http://mail.google.com/' }],
    ['another extension\'s page', { ...PAGE, url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html' }],
    ['a data: URL', { ...CONTENT, url: 'data:text/html,hi' }],
  ])('rejects %s', (_name, sender) => {
    expect(classifySender(sender as SenderLike | undefined, CONTEXT)).toBeUndefined();
    expect(acceptRequest({ type: 'get-context' }, sender as SenderLike | undefined, CONTEXT)).toEqual({ ok: false, error: 'sender not allowed' });
  });

  test('every request type is accepted from its allowed senders and refused from the others', () => {
    for (const [type, allowed] of Object.entries(ALLOWED_SENDERS) as [RequestType, readonly string[]][]) {
      for (const [kind, sender] of [['content', CONTENT], ['page', PAGE]] as const) {
        const result = acceptRequest(VALID[type], sender, CONTEXT);
        expect(result.ok, `${type} from ${kind}`).toBe(allowed.includes(kind));
      }
    }
  });

  test('only content scripts ask for scans; pages cannot', () => {
    expect(acceptRequest(VALID['scan-message'], CONTENT, CONTEXT).ok).toBe(true);
    expect(acceptRequest(VALID['scan-message'], PAGE, CONTEXT).ok).toBe(false);
  });

  test('a content script can neither read a warning nor make the worker open a link', () => {
    expect(acceptRequest(VALID['get-warning'], CONTENT, CONTEXT).ok).toBe(false);
    expect(acceptRequest(VALID['warning-proceed'], CONTENT, CONTEXT).ok).toBe(false);
  });
});

describe('shapes', () => {
  test.each(Object.entries(VALID))('accepts a well-formed %s', (_type, message) => {
    const result = validateRequest(message);
    expect(result.ok).toBe(true);
  });

  test('drops unknown fields', () => {
    const result = validateRequest({ type: 'open-warning', key: 'k', target: { ...TARGET, onclick: 'x' }, reportEndpoint: 'https://evil.example/' });
    expect(result).toEqual({ ok: true, request: { type: 'open-warning', key: 'k', target: TARGET } });
  });

  const long = (n: number) => 'a'.repeat(n);
  test.each([
    ['not an object', 'get-context'],
    ['null', null],
    ['an array', [{ type: 'get-context' }]],
    ['an unknown type', { type: 'send-report', to: 'x@evil.example' }],
    ['a type that is not a string', { type: 1 }],
    ['a warning id that is not a UUID', { type: 'get-warning', id: '../../etc' }],
    ['a missing warning id', { type: 'warning-proceed' }],
    ['a missing key', { type: 'open-warning', target: TARGET }],
    ['an empty key', { type: 'open-warning', key: '', target: TARGET }],
    ['an overlong key', { type: 'open-warning', key: long(LIMITS.key + 1), target: TARGET }],
    ['a target of an unknown kind', { type: 'open-warning', key: 'k', target: { ...TARGET, kind: 'script' } }],
    ['an overlong href', { type: 'open-warning', key: 'k', target: { ...TARGET, href: `https://x.example/${long(LIMITS.href)}` } }],
    ['a negative index', { type: 'open-warning', key: 'k', target: { ...TARGET, index: -1 } }],
    ['a fractional index', { type: 'open-warning', key: 'k', target: { ...TARGET, index: 1.5 } }],
    ['findings that are not a list', { type: 'open-warning', key: 'k', target: { ...TARGET, findings: {} } }],
    ['a verdict with an unknown level', { ...VALID['message-verdict'], verdict: { ...VERDICT, level: 'fine' } }],
    ['a finding with an unknown severity', { ...VALID['message-verdict'], verdict: { ...VERDICT, findings: [{ ...VERDICT.findings[0], severity: 'low' }] } }],
    ['a finding with object params', { ...VALID['message-verdict'], verdict: { ...VERDICT, findings: [{ ...VERDICT.findings[0], params: { x: { y: 1 } } }] } }],
    ['too many findings', { ...VALID['message-verdict'], verdict: { ...VERDICT, findings: Array(LIMITS.findings + 1).fill(VERDICT.findings[0]) } }],
    ['an overlong subject summary', { ...VALID['message-verdict'], summary: { subject: long(LIMITS.summary + 1) } }],
    ['a snapshot from an unknown host', { ...VALID['open-consult'], snapshot: { host: 'evil' } }],
    ['a scan without a snapshot', { type: 'scan-message', key: 'k' }],
    ['a scan of an overlong body', { type: 'scan-message', key: 'k', snapshot: { host: 'gmail', text: long(LIMITS.bodyText + 1) } }],
    ['a snapshot with an unknown missing part', { ...VALID['open-consult'], snapshot: { host: 'gmail', missing: ['headers'] } }],
    ['a snapshot with too many anchors', { ...VALID['open-consult'], snapshot: { host: 'gmail', anchors: Array(LIMITS.anchors + 1).fill({ href: 'https://a.example/', text: 'a' }) } }],
    ['a snapshot attachment with a negative size', { ...VALID['open-consult'], snapshot: { host: 'gmail', attachments: [{ name: 'a', size: -1 }] } }],
    ['a snapshot attachment with a bad hash', { ...VALID['open-consult'], snapshot: { host: 'gmail', attachments: [{ name: 'a', sha256: 'zz' }] } }],
  ])('rejects %s', (_name, message) => {
    const result = validateRequest(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
  });

  test('a hostile object whose getter throws is an answer, not an exception', () => {
    const hostile = { type: 'open-warning', key: 'k', get target(): unknown { throw new Error('boom'); } };
    expect(validateRequest(hostile)).toEqual({ ok: false, error: 'unreadable message' });
  });
});
