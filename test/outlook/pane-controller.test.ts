// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MailSnapshot } from '../../shared/model';
import type { HostResult, ItemNotice, PaneCapabilities, PaneHost, PaneHostInfo } from '../../outlook-addin/core/pane-host';
import { startPane } from '../../outlook-addin/taskpane/pane-controller';

/** A PaneHost without Office: snapshots are handed out by the test, one deferred read at a time. */
function fakeHost(info: PaneHostInfo, capabilities: Partial<PaneCapabilities> = {}) {
  let key: string | undefined = 'item-1';
  const reads: { key: string | undefined; resolve: (s: MailSnapshot) => void }[] = [];
  const notices: (ItemNotice | 'cleared')[] = [];
  let changed: (() => void) | undefined;
  let context: string | undefined;
  let consultListener: (() => void) | undefined;
  const host: PaneHost = {
    info: () => info,
    capabilities: () => ({ headers: true, itemChanged: true, original: false, newMessageForm: true, insightAction: false, ...capabilities }),
    currentItemKey: () => key,
    readSnapshot: () => new Promise<MailSnapshot>((resolve) => reads.push({ key, resolve })),
    onItemChanged: (listener) => (changed = listener),
    showNotice: async (notice): Promise<HostResult<'insight' | 'informational'>> => {
      notices.push(notice);
      return { ok: true, value: 'informational' };
    },
    clearNotice: async () => void notices.push('cleared'),
    readOriginal: async () => ({ ok: false, error: 'not in this test' }),
    openReportMessage: async () => ({ ok: true, value: undefined }),
    initializationContext: async () => context,
    watchConsultRequests: (listener) => (consultListener = listener),
  };
  return {
    host,
    reads,
    notices,
    select(next: string | undefined) {
      key = next;
      changed?.();
    },
    setContext(value: string) {
      context = value;
    },
    requestConsult() {
      consultListener?.();
    },
  };
}

const PHISH: MailSnapshot = {
  host: 'outlook-addin',
  subject: '【重要】アカウント停止のお知らせ',
  from: { name: 'Microsoft', address: 'security@account-verify.example.test' },
  html: '<p>至急パスワードを確認してください。</p><a href="http://192.0.2.7/login">https://login.microsoftonline.com/</a>',
};
const INTERNAL: MailSnapshot = { host: 'outlook-addin', subject: '会議室の予約', from: { name: '総務', address: 'soumu@hospital.example.jp' }, html: '<p>3 階会議室を予約しました。</p>' };

function policyFetch(policy: unknown): typeof fetch {
  return vi.fn(async () => new Response(JSON.stringify(policy), { status: 200 })) as unknown as typeof fetch;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

async function start(fake: ReturnType<typeof fakeHost>, policy: unknown = { orgDomains: ['hospital.example.jp'] }) {
  const root = document.createElement('main');
  document.body.append(root);
  const started = startPane({ host: fake.host, doc: document, root, fetch: policyFetch(policy), storage: localStorage, policyUrl: new URL('https://addin.example.jp/policy.json') });
  return { root, started };
}

describe('startPane', () => {
  it('renders the verdict for the selected message and puts the notice on it', async () => {
    const fake = fakeHost({ officeVersion: '16.0.18000.20000', displayLanguage: 'ja-JP' });
    const { root, started } = await start(fake);
    await vi.waitFor(() => expect(fake.reads).toHaveLength(1));
    fake.reads[0]!.resolve(PHISH);
    await started;
    const verdict = root.querySelector('#kokoroe-verdict')!;
    expect(verdict.getAttribute('data-kokoroe-verdict')).not.toBe('safe');
    expect(root.querySelector('#kokoroe-posture')).not.toBeNull();
    const notice = fake.notices.at(-1) as ItemNotice;
    expect(notice.level).toBe(verdict.getAttribute('data-kokoroe-verdict'));
    expect(notice.consultActionText).toBe('管理者に相談');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('never shows an earlier message’s verdict for a later selection, even when its read finishes last', async () => {
    const fake = fakeHost({ displayLanguage: 'ja-JP' });
    const { root, started } = await start(fake);
    await vi.waitFor(() => expect(fake.reads).toHaveLength(1));
    fake.select('item-2');
    await vi.waitFor(() => expect(fake.reads).toHaveLength(2));
    fake.reads[1]!.resolve(INTERNAL);
    await vi.waitFor(() => expect(root.querySelector('#kokoroe-verdict .message-summary')?.textContent).toContain('会議室の予約'));
    fake.reads[0]!.resolve(PHISH);
    await started;
    await flush();
    expect(root.querySelector('#kokoroe-verdict .message-summary')?.textContent).toContain('会議室の予約');
    expect(root.textContent).not.toContain('アカウント停止');
  });

  it('clears the view when nothing is selected (several messages selected in a pinned pane)', async () => {
    const fake = fakeHost({ displayLanguage: 'ja-JP' });
    const { root, started } = await start(fake);
    await vi.waitFor(() => expect(fake.reads).toHaveLength(1));
    fake.reads[0]!.resolve(INTERNAL);
    await started;
    fake.select(undefined);
    await vi.waitFor(() => expect(root.querySelector('#kokoroe-no-item')).not.toBeNull());
    expect(root.querySelector('#kokoroe-verdict')).toBeNull();
  });

  it('speaks English in an English Outlook and opens the consult view when started from the notification action', async () => {
    const fake = fakeHost({ displayLanguage: 'en-US' });
    fake.setContext(JSON.stringify({ open: 'consult' }));
    const { root, started } = await start(fake, { adminContact: { name: 'IT desk', phone: '03-1234-5678' }, reportMailbox: 'sec@hospital.example.jp' });
    await vi.waitFor(() => expect(fake.reads).toHaveLength(1));
    fake.reads[0]!.resolve(PHISH);
    await started;
    const consult = root.querySelector('#kokoroe-consult-view')!;
    expect(consult.getAttribute('data-channel')).toBe('message-form');
    expect(consult.querySelector('h2')?.textContent).toBe('Ask IT');
    expect(consult.querySelector('a.phone')?.getAttribute('href')).toBe('tel:0312345678');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the policy problem and still works when policy.json is broken', async () => {
    const fake = fakeHost({ displayLanguage: 'ja-JP' });
    const root = document.createElement('main');
    document.body.append(root);
    const broken = vi.fn(async () => new Response('{ not json', { status: 200 })) as unknown as typeof fetch;
    const started = startPane({ host: fake.host, doc: document, root, fetch: broken, storage: localStorage, policyUrl: new URL('https://addin.example.jp/policy.json') });
    await vi.waitFor(() => expect(fake.reads).toHaveLength(1));
    fake.reads[0]!.resolve(INTERNAL);
    await started;
    expect(root.querySelector('#kokoroe-policy-problems')?.textContent).toContain('policy.json');
    expect(root.querySelector('#kokoroe-verdict')).not.toBeNull();
  });

  it('opens the consult view when the notification action is used while the pane is open', async () => {
    const fake = fakeHost({ displayLanguage: 'ja-JP' });
    const { root, started } = await start(fake);
    await vi.waitFor(() => expect(fake.reads).toHaveLength(1));
    fake.reads[0]!.resolve(PHISH);
    await started;
    expect(root.querySelector('#kokoroe-consult-view')).toBeNull();
    fake.requestConsult();
    expect(root.querySelector('#kokoroe-consult-view')?.getAttribute('data-kokoroe-consult')).toBe('consult');
  });
});
