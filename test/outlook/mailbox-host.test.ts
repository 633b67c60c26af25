// @vitest-environment happy-dom
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTICE_KEY, PANE_COMMAND_ID, createMailboxHost, plainToHtml } from '../../outlook-addin/mailbox/mailbox-host';
import { officeMockData, versionAtLeast } from '../fixtures/outlook/items';

interface Calls {
  notices: { key: string; details: Record<string, unknown> }[];
  forms: Record<string, unknown>[];
}

function install(mailbox: string, platform: string, options: { insightFails?: boolean } = {}): Calls {
  const calls: Calls = { notices: [], forms: [] };
  const data = officeMockData({ mailbox });
  const context = data.context as Record<string, any>;
  context.diagnostics = { version: '16.0.18000.20000', platform };
  context.displayLanguage = 'ja-JP';
  context.mailbox.userProfile = { emailAddress: 'nurse@hospital.example.jp' };
  context.mailbox.item.notificationMessages = {
    replaceAsync(key: string, details: Record<string, unknown>, cb: (r: unknown) => void) {
      calls.notices.push({ key, details });
      if (options.insightFails && details.type === 'insightMessage') cb({ status: 'failed', error: { message: 'actions not supported in read mode' } });
      else cb({ status: 'succeeded' });
    },
  };
  if (versionAtLeast(mailbox, '1.14')) context.mailbox.item.getAsFileAsync = (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: 'RnJvbTogYQ0KDQpi' });
  context.mailbox.displayNewMessageForm = (form: Record<string, unknown>) => calls.forms.push(form);
  context.mailbox.displayNewMessageFormAsync = (form: Record<string, unknown>, cb: (r: unknown) => void) => {
    calls.forms.push(form);
    cb({ status: 'succeeded' });
  };
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject(data);
  return calls;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('createMailboxHost', () => {
  it('reports the client: Office build, platform, language, user', () => {
    install('1.14', 'PC');
    const host = createMailboxHost();
    expect(host.info()).toEqual({ officeVersion: '16.0.18000.20000', platform: 'PC', displayLanguage: 'ja-JP', userEmail: 'nurse@hospital.example.jp' });
    expect(host.currentItemKey()).toBe('AAMkAGI-test-item-1');
  });

  it.each([
    ['1.14', 'PC', { headers: true, itemChanged: true, original: true, newMessageForm: true, insightAction: true }],
    ['1.14', 'OfficeOnline', { headers: true, itemChanged: true, original: true, newMessageForm: true, insightAction: false }],
    ['1.9', 'PC', { headers: true, itemChanged: true, original: false, newMessageForm: true, insightAction: false }],
    ['1.5', 'PC', { headers: false, itemChanged: true, original: false, newMessageForm: false, insightAction: false }],
    ['1.9', 'iOS', { headers: true, itemChanged: true, original: false, newMessageForm: false, insightAction: false }],
  ])('Mailbox %s on %s offers %o', (mailbox, platform, expected) => {
    install(mailbox, platform);
    expect(createMailboxHost().capabilities()).toEqual(expected);
  });

  it('puts an insight message with the consult action on classic Outlook for Windows', async () => {
    const calls = install('1.14', 'PC');
    const result = await createMailboxHost().showNotice({ level: 'danger', message: '心得メールガード 危険：パスワード付きZIP', consultActionText: '管理者に相談' });
    expect(result).toEqual({ ok: true, value: 'insight' });
    expect(calls.notices).toEqual([
      {
        key: NOTICE_KEY,
        details: {
          type: 'insightMessage',
          message: '心得メールガード 危険：パスワード付きZIP',
          icon: 'Icon.16x16',
          actions: [{ actionType: 'showTaskPane', actionText: '管理者に相談', commandId: PANE_COMMAND_ID, contextData: JSON.stringify({ open: 'consult' }) }],
        },
      },
    ]);
  });

  it('falls back to a persistent informational bar when the insight message is refused', async () => {
    const calls = install('1.14', 'PC', { insightFails: true });
    const result = await createMailboxHost().showNotice({ level: 'danger', message: 'x'.repeat(200), consultActionText: '管理者に相談' });
    expect(result).toEqual({ ok: true, value: 'informational' });
    const last = calls.notices.at(-1)!;
    expect(last.details).toMatchObject({ type: 'informationalMessage', persistent: true, icon: 'Icon.16x16' });
    expect((last.details.message as string).length).toBe(150);
  });

  it('uses a non-persistent informational bar for a caution on Outlook on the web', async () => {
    const calls = install('1.14', 'OfficeOnline');
    await createMailboxHost().showNotice({ level: 'caution', message: '注意', consultActionText: '管理者に相談' });
    expect(calls.notices).toEqual([{ key: NOTICE_KEY, details: { type: 'informationalMessage', message: '注意', icon: 'Icon.16x16', persistent: false } }]);
  });

  it('reads the original as base64 .eml only on Mailbox 1.14', async () => {
    install('1.14', 'PC');
    expect(await createMailboxHost().readOriginal()).toEqual({ ok: true, value: 'RnJvbTogYQ0KDQpi' });
    install('1.13', 'PC');
    expect((await createMailboxHost().readOriginal()).ok).toBe(false);
  });

  it('opens a new message to the given mailbox with the item attached, body as escaped text', async () => {
    const calls = install('1.14', 'PC');
    const result = await createMailboxHost().openReportMessage({ to: 'security@hospital.example.jp', subject: '[心得メールガード] 相談', body: '件名: <b>x</b>\n& more', attachOriginal: true });
    expect(result.ok).toBe(true);
    expect(calls.forms).toEqual([
      {
        toRecipients: ['security@hospital.example.jp'],
        subject: '[心得メールガード] 相談',
        htmlBody: plainToHtml('件名: <b>x</b>\n& more'),
        attachments: [{ type: 'item', name: '【至急】請求書のご確認', itemId: 'AAMkAGI-test-item-1' }],
      },
    ]);
    expect(plainToHtml('<b>x</b>\n&')).toBe('<div style="font-family:sans-serif;white-space:pre-wrap">&#60;b&#62;x&#60;/b&#62;<br>&#38;</div>');
  });

  it('hears the notification action while open on Mailbox 1.15, and not before', () => {
    for (const [mailbox, expected] of [['1.15', 1], ['1.14', 0]] as const) {
      const data = officeMockData({ mailbox });
      const handlers: ((args: unknown) => void)[] = [];
      const item = (data.context as any).mailbox.item;
      item.addHandlerAsync = (type: string, handler: (args: unknown) => void) => {
        if (type === 'olkInitializationContextChanged') handlers.push(handler);
      };
      (globalThis as { Office?: unknown }).Office = new OfficeMockObject(data);
      let heard = 0;
      createMailboxHost().watchConsultRequests(() => heard++);
      for (const h of handlers) {
        h({ type: 'olkInitializationContextChanged', contextData: JSON.stringify({ open: 'consult' }) });
        h({ type: 'olkInitializationContextChanged', contextData: 'something else' });
      }
      expect(heard, mailbox).toBe(expected);
    }
  });
});
