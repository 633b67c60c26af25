// @vitest-environment happy-dom
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Ajv from 'ajv';
import reportSchema from '../../shared/report/report-schema.json';
import { parsePolicy } from '../../shared/policy/parse-policy';
import { newReportId, planSpamReport } from '../../outlook-addin/commands/spam-report-plan';
import { handleSpamReport } from '../../outlook-addin/mailbox/mailbox-spam-report';
import { officeMockData } from '../fixtures/outlook/items';

const validateReport = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(reportSchema);
const ask = parsePolicy({ reportOriginal: 'ask' }).policy;
const never = parsePolicy({ reportOriginal: 'never' }).policy;

describe('planSpamReport (Outlook preprocessing dialog → report)', () => {
  it.each([
    { options: [true, false, true, false, false], text: '', kind: 'report', comment: 'ID やパスワードの入力を求められた、心当たりのない相手から届いた', original: false },
    { options: [false, false, false, true, false], text: '  クリックしました ', kind: 'opened-already', comment: 'リンクや添付ファイルを開いてしまった\nクリックしました', original: false },
    { options: [false, false, false, false, true], text: '', kind: 'report', comment: '', original: true },
    { options: 'not an array', text: 42, kind: 'report', comment: '', original: false },
  ])('$options / "$text" → $kind', ({ options, text, kind, comment, original }) => {
    expect(planSpamReport(options, text, ask, 'ja')).toEqual({ kind, comment, includeOriginal: original });
  });

  it('never includes the original when policy says never, even if ticked', () => {
    expect(planSpamReport([false, false, false, false, true], '', never, 'ja').includeOriginal).toBe(false);
  });

  it('writes the reasons in English for an English Outlook and strips control characters', () => {
    expect(planSpamReport([false, true], 'a\u0007b', ask, 'en').comment).toBe('An attachment or link looks suspicious\na b');
  });
});

describe('newReportId', () => {
  const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  it('uses randomUUID, else getRandomValues, else leaves it to the builder', () => {
    expect(newReportId({ randomUUID: () => 'from-random-uuid' })).toBe('from-random-uuid');
    const ids = new Set(Array.from({ length: 50 }, () => newReportId({ getRandomValues: (a) => crypto.getRandomValues(a) })));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID4);
    expect(newReportId(undefined)).toBeUndefined();
    expect(newReportId({})).toBeUndefined();
  });
});

type Completed = Record<string, unknown>;

function install(mailbox: string): void {
  const data = officeMockData({ mailbox });
  const context = data.context as Record<string, unknown>;
  context.displayLanguage = 'ja-JP';
  context.diagnostics = { version: '16.0.18000.20000', platform: 'PC' };
  (context.mailbox as Record<string, unknown>).userProfile = { emailAddress: 'nurse@hospital.example.jp' };
  const item = (context.mailbox as Record<string, Record<string, unknown>>).item!;
  item.getAsFileAsync = (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: Buffer.from('From: a@example.com\r\n\r\nbody').toString('base64') });
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject(data);
}

function stubFetch(policy: unknown, postStatus: number): { posts: string[] } {
  const posts: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === 'https://mailguard.hospital.example.jp/outlook/policy.json') return new Response(JSON.stringify(policy), { status: 200 });
      if (url === 'https://report.hospital.example.jp/api/reports' && init?.method === 'POST') {
        posts.push(String(init.body));
        return new Response('{}', { status: postStatus });
      }
      return new Response('not here', { status: 404 });
    }),
  );
  return { posts };
}

async function report(options: boolean[], freeText: string): Promise<Completed> {
  let completed: Completed | undefined;
  await handleSpamReport({ options, freeText, completed: (o) => (completed = o) }, 'https://mailguard.hospital.example.jp/outlook');
  return completed!;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  delete (globalThis as { Office?: unknown }).Office;
});

describe('handleSpamReport (integrated Report button)', () => {
  const endpointPolicy = { reportEndpoint: 'https://report.hospital.example.jp/api/reports', reportOriginal: 'ask', adminContact: { phone: '03-1234-5678' } };

  it('sends a schema-valid report with the original and moves the message to Junk when delivered', async () => {
    install('1.14');
    const { posts } = stubFetch(endpointPolicy, 202);
    const completed = await report([true, false, false, false, true], '請求書に覚えがない');
    expect(posts).toHaveLength(1);
    const sent = JSON.parse(posts[0]!);
    expect(validateReport(sent)).toBe(true);
    expect(sent).toMatchObject({ kind: 'report', reporter: 'nurse@hospital.example.jp', comment: 'ID やパスワードの入力を求められた\n請求書に覚えがない', original: { included: true, format: 'eml' } });
    expect(sent.client).toMatchObject({ host: 'outlook-addin', office: '16.0.18000.20000' });
    expect(completed).toMatchObject({ moveItemTo: 'junkFolder', showPostProcessingDialog: { title: '報告しました' } });
  });

  it('keeps the message where it is and gives the phone when the endpoint is down', async () => {
    install('1.14');
    const { posts } = stubFetch(endpointPolicy, 503);
    const completed = await report([false, false, false, true, false], '');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!).kind).toBe('opened-already');
    expect(completed.moveItemTo).toBe('noMove');
    const dialog = completed.showPostProcessingDialog as { description: string };
    expect(dialog.description).toContain('03-1234-5678');
    expect(dialog.description).toContain('ネットワークを切って');
  });

  it('without an endpoint opens the pane in its consult view on Mailbox 1.15, and sends nothing', async () => {
    install('1.15');
    const { posts } = stubFetch({ reportMailbox: 'security@hospital.example.jp' }, 202);
    const completed = await report([true], '');
    expect(posts).toEqual([]);
    expect(completed).toEqual({ commandId: 'KokoroeOpenPane', contextData: JSON.stringify({ open: 'consult' }), moveItemTo: 'noMove' });
  });

  it('without an endpoint on Mailbox 1.14 explains where to go instead', async () => {
    install('1.14');
    stubFetch({}, 202);
    const completed = await report([true], '');
    expect(completed).toMatchObject({ moveItemTo: 'noMove', showPostProcessingDialog: { title: '送り先が設定されていません' } });
  });
});
