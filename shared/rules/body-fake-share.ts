/**
 * A "file was shared with you" notice (「ファイルを共有しました」, "shared a document with you")
 * whose link goes neither to a file-sharing service nor to the sender's own site. Real share
 * notices link to OneDrive, SharePoint, Google Drive, Dropbox, Box and the like (or to the
 * sender's own server); a fake one sends people to a sign-in page elsewhere. Only noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding, linkToSender } from './support/helpers';
import { freeHostingKind } from '../scan/deps';
import { createTermMatcher, type TermMatcher } from '../scan/term-matcher';

/** How share notices say it (lower-case, NFKC). */
const SHARED = [
  'ファイルを共有しました', 'を共有しました', '共有されました', 'ファイルが共有され', '共有ファイル', 'ドキュメントを共有',
  'shared a file', 'shared a document', 'shared the file', 'shared the folder', 'shared a folder', 'has shared', 'shared with you',
  'sent you a file', 'sent you files', 'sent you a document', 'compartilhou', 'hat geteilt', 'a partagé',
];

let sharedMatcher: TermMatcher<'shared'> | undefined;

/** One automaton over the phrases, built on first use: a single pass over the text. */
function shared(): TermMatcher<'shared'> {
  sharedMatcher ??= createTermMatcher(SHARED.map((term) => ({ term, tag: 'shared' as const })));
  return sharedMatcher;
}

/** Services whose own pages a real share notice links to. */
const SHARING_DOMAINS = [
  'sharepoint.com', 'onedrive.com', 'onedrive.live.com', '1drv.ms', 'live.com', 'office.com', 'microsoft.com', 'cloud.microsoft',
  'google.com', 'dropbox.com', 'box.com', 'wetransfer.com', 'we.tl', 'gigafile.nu', 'firestorage.jp', 'icloud.com', 'adobe.com',
  'docusign.net', 'docusign.com', 'frame.io',
];

function onSharingService(host: string | undefined): boolean {
  const h = (host ?? '').toLowerCase();
  return SHARING_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

export const bodyFakeShare: Rule = {
  id: 'body-fake-share',
  scope: 'body',
  maxSeverity: 'info',
  weight: 1.5,
  needs: ['links'],
  check(msg) {
    const text = `${msg.subjectNorm}\n${msg.bodyNorm.slice(0, 3_000)}`;
    const web = msg.links.filter(isWebLink);
    if (web.length === 0) return [];
    const phrase = shared().find(text, 1)[0]?.term;
    if (!phrase) return [];
    if (web.some((l) => onSharingService(l.dest.hostname))) return [];
    // The link people are meant to click: one with an action word, else the first.
    const main = web.find((l) => l.action) ?? web[0]!;
    if (linkToSender(msg, main)) return [];
    let hosted: string | undefined;
    try {
      hosted = freeHostingKind(main.dest);
    } catch {
      hosted = undefined;
    }
    // Cloud storage and free hosting are where such pages live; they are no sharing service.
    return [linkFinding(this.id, 'info', main, { phrase, ...(hosted ? { hosted } : {}) })] as Finding[];
  },
  examples: {
    flags: [
      {
        name: '「ファイルを共有しました」 linking to an unrelated site',
        snapshot: { from: { address: 'keiri@koumuten.example.co.jp' }, subject: 'ファイルを共有しました', html: '<p>請求書.pdf を共有しました。</p>', anchors: [{ href: 'https://doc-view.example.net/login', text: '開く', source: 'html' }] },
      },
    ],
    clean: [
      {
        name: 'SharePoint share notice',
        snapshot: { from: { address: 'no-reply@sharepointonline.com' }, subject: '山田さんがファイルを共有しました', html: '<p>x</p>', anchors: [{ href: 'https://sakura.sharepoint.com/:b:/s/x', text: '開く', source: 'html' }] },
      },
      {
        name: 'vendor sharing from its own server',
        snapshot: { from: { address: 'sales@vendor.example.co.jp' }, subject: '資料を共有しました', html: '<p>x</p>', anchors: [{ href: 'https://dl.vendor.example.co.jp/f/123', text: 'ダウンロード', source: 'html' }] },
      },
    ],
  },
};
