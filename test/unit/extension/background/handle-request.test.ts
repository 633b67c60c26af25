/**
 * The worker's behaviour behind the message gate: warnings stored and opened as extension
 * pages, 「それでも開く」 only where policy allows and only for http(s), one decision per warning,
 * the gate's daily dismissal, the popup's per-tab verdict, the consult fallback.
 */
import { describe, expect, test } from 'vitest';
import { createRequestHandler, WARNING_PREFIX } from '../../../../extension/entrypoints/background/handle-request';
import { GATE_DISMISSAL_KEY } from '../../../../extension/policy/gate-state';
import { CONTENT, makeDeps, POPUP, WARNING_PAGE } from './fakes';

const FINDING = { rule: 'link-text-mismatch', severity: 'danger', target: { kind: 'link', value: 'https://evil.example/', index: 0 }, params: {} };
const target = (href: string, kind: 'link' | 'attachment' = 'link') => ({ kind, href, text: 'https://www.smbc-card.com/', index: 0, findings: [FINDING] });

async function openWarning(handler: ReturnType<typeof createRequestHandler>, href: string, kind: 'link' | 'attachment' = 'link'): Promise<string> {
  const answer = (await handler({ type: 'open-warning', key: 'gmail:#msg-f:1', target: target(href, kind) }, CONTENT)) as { ok: boolean; id: string };
  expect(answer.ok).toBe(true);
  return answer.id;
}

describe('warnings', () => {
  test('open-warning stores the target and opens warning.html?id=… next to the webmail tab', async () => {
    const { deps, opened, session } = makeDeps();
    const handler = createRequestHandler(deps);
    const id = await openWarning(handler, 'https://evil.example/');
    expect(opened).toEqual([{ path: `/warning.html?id=${id}`, beside: 7 }]);
    expect(session.data[`${WARNING_PREFIX}${id}`]).toMatchObject({ target: target('https://evil.example/'), tabId: 7 });
    const answer = await handler({ type: 'get-warning', id }, WARNING_PAGE);
    expect(answer).toEqual({ ok: true, target: target('https://evil.example/'), allowOpenAnyway: true, lang: 'ja' });
  });

  test('proceed navigates the warning tab once; the same id cannot be replayed', async () => {
    const { deps, navigations } = makeDeps();
    const handler = createRequestHandler(deps);
    const id = await openWarning(handler, 'https://evil.example/path');
    expect(await handler({ type: 'warning-proceed', id }, WARNING_PAGE)).toEqual({ ok: true });
    expect(navigations).toEqual([{ tabId: 12, url: 'https://evil.example/path' }]);
    expect((await handler({ type: 'warning-proceed', id }, WARNING_PAGE)).ok).toBe(false);
    expect(navigations).toHaveLength(1);
  });

  test.each([
    ['policy forbids opening anyway', { allowOpenAnyway: false }, 'https://evil.example/'],
    ['alert mode is on', { scan: { alertMode: true } }, 'https://evil.example/'],
  ])('no opening when %s', async (_name, managed, href) => {
    const { deps, navigations } = makeDeps({ managed });
    const handler = createRequestHandler(deps);
    await deps.policy.refresh();
    const id = await openWarning(handler, href);
    expect(await handler({ type: 'get-warning', id }, WARNING_PAGE)).toMatchObject({ ok: true, allowOpenAnyway: false });
    expect((await handler({ type: 'warning-proceed', id }, WARNING_PAGE)).ok).toBe(false);
    expect(navigations).toEqual([]);
  });

  test.each([
    ['a javascript: link', 'javascript:alert(1)', 'link'],
    ['a data: link', 'data:text/html,<b>x</b>', 'link'],
    ['an attachment', 'https://mail.google.com/attachment', 'attachment'],
  ] as const)('never opens %s', async (_name, href, kind) => {
    const { deps, navigations } = makeDeps();
    const handler = createRequestHandler(deps);
    const id = await openWarning(handler, href, kind);
    expect(await handler({ type: 'get-warning', id }, WARNING_PAGE)).toMatchObject({ allowOpenAnyway: false });
    expect((await handler({ type: 'warning-proceed', id }, WARNING_PAGE)).ok).toBe(false);
    expect(navigations).toEqual([]);
  });

  test('an unknown warning id is an error answer', async () => {
    const { deps } = makeDeps();
    const handler = createRequestHandler(deps);
    expect(await handler({ type: 'get-warning', id: '00000000-0000-4000-8000-999999999999' }, WARNING_PAGE)).toEqual({ ok: false, error: 'unknown warning' });
  });

  test('stored warnings are bounded', async () => {
    const { deps, session } = makeDeps();
    const handler = createRequestHandler(deps);
    for (let i = 0; i < 60; i++) await openWarning(handler, `https://evil.example/${i}`);
    expect(Object.keys(session.data).filter((k) => k.startsWith(WARNING_PREFIX))).toHaveLength(50);
  });
});

describe('sender and shape are checked before anything runs', () => {
  test('a web page claiming to be the warning page cannot proceed', async () => {
    const { deps, navigations } = makeDeps();
    const handler = createRequestHandler(deps);
    const id = await openWarning(handler, 'https://evil.example/');
    expect(await handler({ type: 'warning-proceed', id }, CONTENT)).toMatchObject({ ok: false });
    expect(await handler({ type: 'warning-proceed', id }, { ...WARNING_PAGE, id: 'otherextensionidotherextensionid' })).toEqual({ ok: false, error: 'sender not allowed' });
    expect(navigations).toEqual([]);
  });

  test('a malformed message opens nothing', async () => {
    const { deps, opened } = makeDeps();
    const handler = createRequestHandler(deps);
    expect((await handler({ type: 'open-warning', key: 'k', target: { kind: 'link', text: 1 } }, CONTENT)).ok).toBe(false);
    expect(opened).toEqual([]);
  });
});

describe('context and gate', () => {
  test('get-context answers with defaults at once, before managed storage is read', async () => {
    let release: (value: unknown) => void = () => undefined;
    const { deps } = makeDeps();
    const slow = makeDeps();
    slow.deps.policy = (await import('../../../../extension/policy/policy-store')).createPolicyStore({
      readManaged: () => new Promise((resolve) => (release = resolve)),
      local: slow.local,
    });
    const handler = createRequestHandler({ ...deps, policy: slow.deps.policy });
    const answer = (await handler({ type: 'get-context' }, CONTENT)) as { ok: boolean; gate: unknown; lang: string };
    expect(answer.ok).toBe(true);
    expect(answer.lang).toBe('ja');
    release({ orgName: '心得病院' });
  });

  test('warn gate: shown, dismissed for today, back tomorrow; block cannot be dismissed', async () => {
    const stale = { posture: { mode: 'warn', osPatchedAt: '2026-01-01T00:00:00Z', avDefinitionsUpdatedAt: '2026-11-19T00:00:00Z', avEnabled: true, factsUpdatedAt: '2026-11-20T08:00:00+09:00' } };
    const { deps, local } = makeDeps({ managed: stale });
    await deps.policy.refresh();
    const handler = createRequestHandler(deps);
    expect(await handler({ type: 'get-context' }, CONTENT)).toMatchObject({ ok: true, gate: 'warn' });
    expect(await handler({ type: 'gate-dismiss' }, CONTENT)).toEqual({ ok: true });
    expect(local.data[GATE_DISMISSAL_KEY]).toMatchObject({ date: '2026-11-20' });
    expect(await handler({ type: 'get-context' }, CONTENT)).toMatchObject({ ok: true, gate: null });

    const tomorrow = makeDeps({ managed: stale, local: local.data, now: new Date('2026-11-21T12:00:00+09:00') });
    await tomorrow.deps.policy.refresh();
    expect(await createRequestHandler(tomorrow.deps)({ type: 'get-context' }, CONTENT)).toMatchObject({ gate: 'warn' });

    const blocking = makeDeps({ managed: { posture: { ...stale.posture, mode: 'block' } } });
    await blocking.deps.policy.refresh();
    const blockHandler = createRequestHandler(blocking.deps);
    expect(await blockHandler({ type: 'get-context' }, CONTENT)).toMatchObject({ gate: 'block' });
    expect((await blockHandler({ type: 'gate-dismiss' }, CONTENT)).ok).toBe(false);
    expect(await blockHandler({ type: 'get-context' }, CONTENT)).toMatchObject({ gate: 'block' });
  });

  test('gate-recheck re-reads managed storage', async () => {
    let managed: unknown = { posture: { mode: 'block', osPatchedAt: '2026-01-01T00:00:00Z', factsUpdatedAt: '2026-11-20T08:00:00+09:00' } };
    const base = makeDeps();
    const { createPolicyStore } = await import('../../../../extension/policy/policy-store');
    const policy = createPolicyStore({ readManaged: async () => managed, local: base.local, now: () => new Date('2026-11-20T09:00:00+09:00') });
    await policy.refresh();
    const handler = createRequestHandler({ ...base.deps, policy });
    expect(await handler({ type: 'get-context' }, CONTENT)).toMatchObject({ gate: 'block' });
    managed = { posture: { mode: 'off' } };
    expect(await handler({ type: 'gate-recheck' }, CONTENT)).toMatchObject({ ok: true, gate: null });
  });

  test('local settings apply only where IT did not set the key; managed keys are listed', async () => {
    const { deps } = makeDeps({ managed: { allowOpenAnyway: false }, local: { localSettings: { allowOpenAnyway: true, orgName: '心得病院', lang: 'en' } } });
    await deps.policy.refresh();
    const answer = (await createRequestHandler(deps)({ type: 'get-context' }, POPUP)) as unknown as { managedKeys: string[]; lang: string; policy: { allowOpenAnyway: boolean; orgName: string } };
    expect(answer.policy.allowOpenAnyway).toBe(false);
    expect(answer.policy.orgName).toBe('心得病院');
    expect(answer.managedKeys).toContain('allowOpenAnyway');
    expect(answer.lang).toBe('en');
  });
});

describe('scanning', () => {
  test('scan-message scans with the effective policy and records the verdict for the popup', async () => {
    const snapshot = {
      host: 'gmail',
      from: { address: 'info@smbc-card-security.example', name: '三井住友カード' },
      subject: 'ご利用確認',
      text: 'ご確認ください',
      anchors: [{ href: 'https://smbc-card.verify-account.example/login', text: 'https://www.smbc-card.com/', source: 'dom' }],
      attachments: [],
    };
    const { deps } = makeDeps();
    const handler = createRequestHandler(deps);
    const answer = (await handler({ type: 'scan-message', key: 'gmail:1', snapshot }, CONTENT)) as unknown as { ok: boolean; verdict: { level: string; findings: { target: { kind: string; index?: number } }[] } };
    expect(answer.ok).toBe(true);
    expect(answer.verdict.level).toBe('danger');
    expect(answer.verdict.findings.some((f) => f.target.kind === 'link' && f.target.index === 0)).toBe(true);
    expect(await handler({ type: 'get-popup-state' }, POPUP)).toMatchObject({ lastVerdict: { verdict: { level: 'danger' }, summary: { subject: 'ご利用確認' } } });
  });

  test('a policy-blocked domain is scanned with the policy the worker holds', async () => {
    const snapshot = { host: 'gmail', from: { address: 'a@partner.example' }, text: 'x', anchors: [{ href: 'https://files.blocked.example/x', text: '資料' }], attachments: [] };
    const plain = makeDeps();
    const blocked = makeDeps({ managed: { scan: { blockedDomains: ['blocked.example'] } } });
    await blocked.deps.policy.refresh();
    const level = async (d: typeof plain) => ((await createRequestHandler(d.deps)({ type: 'scan-message', key: 'k', snapshot }, CONTENT)) as unknown as { verdict: { level: string } }).verdict.level;
    expect(await level(plain)).toBe('safe');
    expect(await level(blocked)).toBe('danger');
  });

  test('an incomplete snapshot is never safe', async () => {
    const { deps } = makeDeps();
    const answer = (await createRequestHandler(deps)({ type: 'scan-message', key: 'k', snapshot: { host: 'outlook-web', missing: ['attachments'], text: 'x', anchors: [], attachments: [] } }, CONTENT)) as unknown as { verdict: { level: string } };
    expect(answer.verdict.level).toBe('caution');
  });
});

describe('popup and consult', () => {
  test('the popup sees the verdict the content script reported for the active tab', async () => {
    const { deps } = makeDeps();
    const handler = createRequestHandler(deps);
    const verdict = { level: 'caution', findings: [FINDING], unchecked: [] };
    expect(await handler({ type: 'message-verdict', key: 'k', verdict, summary: { subject: '確認' } }, CONTENT)).toEqual({ ok: true });
    expect(await handler({ type: 'get-popup-state' }, POPUP)).toMatchObject({ ok: true, lastVerdict: { verdict, summary: { subject: '確認' } }, lang: 'ja' });
  });

  test('open-consult goes to the outbox with the sender\'s page URL (the outbox checks originalUrl against it)', async () => {
    const { deps, opened } = makeDeps();
    const calls: unknown[] = [];
    deps.openConsult = async (request, senderUrl) => {
      calls.push({ request, senderUrl });
      return { id: 'c1' };
    };
    const answer = await createRequestHandler(deps)(
      { type: 'open-consult', key: 'gmail:1', snapshot: { host: 'gmail' }, originalUrl: 'https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f:1', mode: 'consult', extra: 'dropped' },
      CONTENT,
    );
    expect(answer).toEqual({ ok: true, id: 'c1' });
    expect(calls).toEqual([{ request: { key: 'gmail:1', snapshot: { host: 'gmail' }, originalUrl: 'https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f:1', mode: 'consult' }, senderUrl: CONTENT.url }]);
    expect(opened).toEqual([]);
  });

  test('open-consult opens the consult page when it exists, else the contacts (popup page) in a tab', async () => {
    const without = makeDeps();
    expect(await createRequestHandler(without.deps)({ type: 'open-consult', key: 'posture' }, CONTENT)).toMatchObject({ ok: true });
    expect(without.opened[0]!.path).toMatch(/^\/popup\.html\?consult=/);
    const withPage = makeDeps({ pages: ['/consult.html'] });
    await createRequestHandler(withPage.deps)({ type: 'open-consult', key: 'k', snapshot: { host: 'gmail' } }, CONTENT);
    expect(withPage.opened[0]!.path).toMatch(/^\/consult\.html\?id=/);
  });
});
