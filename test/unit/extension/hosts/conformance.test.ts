// @vitest-environment happy-dom
/**
 * Conformance suite: every registered provider adapter runs on every one of its dated DOM
 * fixtures through the same table. A fixture without a row here fails the suite, so a new
 * fixture cannot be added without saying what the adapter must read from it.
 */
import { describe, expect, test } from 'vitest';
import type { MailAttachment, MailSnapshot, MissingPart } from '../../../../shared/model';
import { ADAPTERS } from '../../../../extension/hosts/adapters';
import type { ProviderId } from '../../../../extension/hosts/types';
import { fixtureFiles, loadFixture } from './load-fixture';

interface ExpectedMessage {
  from: { address?: string; name?: string };
  subject: string;
  /** href prefix (enough to be unambiguous) and the visible text, in DOM order. */
  anchors: { href: string; text: string }[];
  attachments: MailAttachment[];
  missing?: MissingPart[];
  /** A piece of the body text the snapshot must carry. */
  textIncludes?: string;
  keyPrefix: string;
  originalUrl?: string;
}

type Table = Record<ProviderId, Record<string, ExpectedMessage[]>>;

const EXPECTED: Table = {
  gmail: {
    '2026-11-20-conversation-three-messages.html': [
      {
        from: { address: 'sato@example-hospital.jp', name: '佐藤 一郎' },
        subject: '【重要】病棟会議の資料について',
        anchors: [{ href: 'https://drive.example-hospital.jp/share/minutes-1119', text: '議事録（共有フォルダ）' }],
        attachments: [],
        textIncludes: '会議資料を共有フォルダに置きました。',
        keyPrefix: 'gmail:#msg-f:1801234567890123451',
        originalUrl: 'https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f%3A1801234567890123451',
      },
      {
        from: { address: 'tanaka.nurse@example-hospital.jp', name: '田中 花子' },
        subject: '【重要】病棟会議の資料について',
        anchors: [
          { href: 'https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000516275.html', text: '医療情報システムの安全管理に関するガイドライン' },
          { href: 'mailto:sato@example-hospital.jp', text: 'sato@example-hospital.jp' },
          { href: 'https://drive.example-hospital.jp/share/minutes-1119', text: '議事録（共有フォルダ）' },
        ],
        attachments: [],
        textIncludes: '確認しました。',
        keyPrefix: 'gmail:#msg-f:1801234567890123452',
        originalUrl: 'https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f%3A1801234567890123452',
      },
    ],
    '2026-11-20-single-message-with-attachments.html': [
      {
        from: { address: 'info@smbc-card-security.example', name: '三井住友カード' },
        subject: '【三井住友カード】ご利用確認のお願い',
        anchors: [{ href: 'https://smbc-card.verify-account.example/login?id=8812', text: 'https://www.smbc-card.com/mem/index.jsp' }],
        attachments: [
          { name: 'ご利用明細_2026年11月.pdf', contentType: 'application/pdf', size: 182 * 1024 },
          { name: '明細書.zip', contentType: 'application/zip', size: Math.round(1.2 * 1024 * 1024) },
        ],
        textIncludes: 'ご利用を一時停止しました。',
        keyPrefix: 'gmail:#msg-f:1809876543210987654',
        originalUrl: 'https://mail.google.com/mail/u/1/?ik=0a1b2c3d4e&view=om&permmsgid=msg-f%3A1809876543210987654',
      },
    ],
    '2026-11-20-message-body-not-rendered.html': [
      {
        from: { address: 'billing@vendor.example', name: '経理部' },
        subject: '請求書送付のご案内',
        anchors: [],
        attachments: [],
        missing: ['body', 'links', 'attachments'],
        keyPrefix: 'gmail:#msg-f:1805555555555555555',
        originalUrl: 'https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f%3A1805555555555555555',
      },
    ],
    '2026-11-20-inbox-list.html': [],
  },
  'outlook-web': {
    '2026-11-20-reading-pane-safelinks.html': [
      {
        from: { address: 'no-reply@m365-account-notice.example', name: 'Microsoft 365 管理センター' },
        subject: '【Microsoft 365】パスワードの有効期限が切れます',
        anchors: [
          { href: 'https://jpn01.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin-m365.account-verify.example', text: 'こちら' },
          { href: 'https://jpn01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsupport.microsoft.com%2Fja-jp', text: 'https://support.microsoft.com/ja-jp' },
        ],
        attachments: [{ name: '新しいパスワードポリシー.pdf', size: 412 * 1024 }],
        textIncludes: 'パスワードは本日で有効期限が切れます。',
        keyPrefix: 'outlook-web:h:',
      },
    ],
    '2026-11-20-reading-pane-conversation.html': [
      {
        from: { address: 'yamada@example-hospital.jp', name: '山田 太郎' },
        subject: '夜勤シフトの交代について',
        anchors: [{ href: 'https://portal.example-hospital.jp/shift/2026-11', text: '勤務表（院内ポータル）' }],
        attachments: [],
        textIncludes: '交代できる方はいますか。',
        keyPrefix: 'outlook-web:h:',
      },
      {
        from: { address: 'tanaka.nurse@example-hospital.jp', name: '田中 花子' },
        subject: '夜勤シフトの交代について',
        anchors: [{ href: 'https://portal.example-hospital.jp/shift/2026-11', text: '勤務表（院内ポータル）' }],
        attachments: [],
        textIncludes: '私が交代できます。',
        keyPrefix: 'outlook-web:h:',
      },
    ],
    '2026-11-20-popout-message.html': [
      {
        from: { address: 'recruit@jinji-saiyou.example', name: '人事部 採用担当' },
        subject: '採用面接の日程',
        anchors: [{ href: 'https://nam12.safelinks.protection.outlook.com/?url=http%3A%2F%2F203.0.113.45%2Fmap.html', text: '会場の地図' }],
        attachments: [
          { name: '面接日程表.xlsm', size: 36 * 1024 },
          { name: '会社案内.pdf', size: Math.round(2.4 * 1024 * 1024) },
        ],
        textIncludes: '「コンテンツの有効化」を押してください。',
        keyPrefix: 'outlook-web:h:',
      },
    ],
    '2026-11-20-attachments-still-loading.html': [
      {
        from: { address: 'suzuki@supplier.example', name: '営業部 鈴木' },
        subject: '見積書の件',
        anchors: [],
        attachments: [],
        missing: ['attachments'],
        textIncludes: '見積書を添付します。',
        keyPrefix: 'outlook-web:h:',
      },
    ],
    '2026-11-20-mail-list-no-message.html': [],
  },
  roundcube: {
    '2026-11-20-preview-frame-html-message.html': [
      {
        from: { address: 'delivery@sagawa-notice.example', name: '佐川急便' },
        subject: '宅配便お届けのお知らせ',
        anchors: [
          { href: 'https://sagawa-redelivery.example.top/?id=44812', text: 'https://www.sagawa-exp.co.jp/' },
          { href: 'mailto:support@sagawa-notice.example', text: 'お問い合わせ' },
        ],
        attachments: [
          { name: '不在連絡票.pdf', contentType: 'application/pdf', size: 52 * 1024 },
          { name: '配達状況確認ツール_2026年11月20日版.exe', contentType: 'application/x-msdownload', size: 340 * 1024 },
        ],
        textIncludes: '不在のため持ち帰りました。',
        keyPrefix: 'roundcube:INBOX:1204',
        originalUrl: 'https://webmail.example-clinic.jp/?_task=mail&_action=viewsource&_uid=1204&_mbox=INBOX',
      },
    ],
    '2026-11-20-full-page-text-message.html': [
      {
        from: { address: 'kenshu@example-clinic.jp' },
        subject: '院内研修のお知らせ',
        anchors: [{ href: 'https://intra.example-clinic.jp/kenshu/2026-12', text: 'https://intra.example-clinic.jp/kenshu/2026-12' }],
        attachments: [],
        textIncludes: '情報セキュリティ研修の資料です。',
        keyPrefix: 'roundcube:INBOX.職員:88',
        originalUrl: 'https://webmail.example-clinic.jp/roundcube/?_task=mail&_action=viewsource&_uid=88&_mbox=INBOX.%E8%81%B7%E5%93%A1',
      },
    ],
    '2026-11-20-preview-frame-body-blocked.html': [
      {
        from: { address: 'lab@partner-lab.example', name: '検査センター' },
        subject: 'Re: 検査結果',
        anchors: [],
        attachments: [],
        missing: ['body', 'links'],
        keyPrefix: 'roundcube:INBOX:1300',
        originalUrl: 'https://webmail.example-clinic.jp/?_task=mail&_action=viewsource&_uid=1300&_mbox=INBOX',
      },
    ],
    '2026-11-20-mail-list-top-frame.html': [],
  },
};

for (const [id, adapter] of Object.entries(ADAPTERS) as [ProviderId, (typeof ADAPTERS)[ProviderId]][]) {
  describe(`adapter ${id}`, () => {
    const files = fixtureFiles(id);

    test('has dated fixtures, and every fixture has a row in the table', () => {
      expect(files.length).toBeGreaterThanOrEqual(3);
      for (const file of files) {
        expect(file, 'fixture names start with the date they were observed').toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.html$/);
        expect(EXPECTED[id], `add a row for ${id}/${file} to the conformance table`).toHaveProperty([file]);
      }
      expect(Object.keys(EXPECTED[id]).sort()).toEqual(files);
    });

    for (const file of files) {
      describe(file, () => {
        const expected = EXPECTED[id][file] ?? [];

        test('finds the open messages (and the cheap check agrees)', () => {
          const doc = loadFixture(id, file);
          expect(adapter.findOpenMessages(doc)).toHaveLength(expected.length);
          expect(adapter.hasOpenMessage(doc)).toBe(expected.length > 0);
        });

        expected.forEach((message, i) => {
          describe(`message ${i + 1}`, () => {
            const read = (): { snapshot: MailSnapshot; doc: Document } => {
              const doc = loadFixture(id, file);
              const view = adapter.findOpenMessages(doc)[i]!;
              return { snapshot: adapter.readSnapshot(view), doc };
            };

            test('sender, subject and host', () => {
              const { snapshot } = read();
              expect(snapshot.host).toBe(id);
              expect(snapshot.from).toEqual(message.from);
              expect(snapshot.subject).toBe(message.subject);
            });

            test('anchors in DOM order with their visible text, aligned with linkElements', () => {
              const doc = loadFixture(id, file);
              const view = adapter.findOpenMessages(doc)[i]!;
              const snapshot = adapter.readSnapshot(view);
              const anchors = snapshot.anchors ?? [];
              expect(anchors.map((a) => a.text)).toEqual(message.anchors.map((a) => a.text));
              anchors.forEach((a, j) => expect(a.href.startsWith(message.anchors[j]!.href), `${a.href} starts with ${message.anchors[j]!.href}`).toBe(true));
              const elements = adapter.linkElements(view);
              expect(elements).toHaveLength(anchors.length);
              elements.forEach((el, j) => {
                expect(view.body?.contains(el)).toBe(true);
                expect(el.textContent?.replace(/\s+/g, ' ').trim()).toBe(anchors[j]!.text);
              });
            });

            test('attachments with name, type and size, aligned with attachmentElements', () => {
              const doc = loadFixture(id, file);
              const view = adapter.findOpenMessages(doc)[i]!;
              const snapshot = adapter.readSnapshot(view);
              expect(snapshot.attachments ?? []).toEqual(message.attachments);
              const chips = adapter.attachmentElements(view);
              expect(chips).toHaveLength(message.attachments.length);
              chips.forEach((chip) => expect(view.root.contains(chip) && !view.body?.contains(chip)).toBe(true));
            });

            test('missing parts are reported exactly', () => {
              const { snapshot } = read();
              expect(snapshot.missing ?? []).toEqual(message.missing ?? []);
              if (message.textIncludes) expect(snapshot.text).toContain(message.textIncludes);
              else expect(snapshot.text ?? '').toBe('');
            });

            test('message key is stable across two reads and two page loads, and distinct per message', () => {
              const first = adapter.findOpenMessages(loadFixture(id, file)).map((v) => adapter.messageKey(v));
              const doc = loadFixture(id, file);
              const views = adapter.findOpenMessages(doc);
              const again = views.map((v) => adapter.messageKey(v));
              expect(again).toEqual(first);
              expect(views.map((v) => adapter.messageKey(v))).toEqual(again);
              expect(new Set(again).size).toBe(again.length);
              expect(again[i]!.startsWith(message.keyPrefix)).toBe(true);
            });

            test('banner place is inside the document, within the message, outside the mail body', () => {
              const doc = loadFixture(id, file);
              const view = adapter.findOpenMessages(doc)[i]!;
              const place = adapter.anchorForBanner(view);
              expect(place.parent.isConnected).toBe(true);
              expect(place.parent.ownerDocument).toBe(doc);
              expect(view.root.contains(place.parent) || place.parent.contains(view.root)).toBe(true);
              if (place.before) expect(place.before.parentNode).toBe(place.parent);
              if (view.body) expect(view.body.contains(place.parent)).toBe(false);
            });

            test('raw original URL where the provider serves one', () => {
              const doc = loadFixture(id, file);
              const view = adapter.findOpenMessages(doc)[i]!;
              expect(adapter.originalUrl?.(view)).toBe(message.originalUrl);
            });
          });
        });
      });
    }
  });
}
