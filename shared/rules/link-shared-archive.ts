/**
 * A stranger on free mail shares a file through a file-sharing service (Google Drive, OneDrive,
 * Dropbox, ギガファイル便 …) and the shared file is an archive or a program (抄録集.zip,
 * setup.exe). The service's URL rarely shows the file name, so the name is read from the link
 * text and the body. Malware arrives this way when attachments are blocked. A caution when the
 * sender claims an office (学会, 事務局, 研究会, 協会, a public body) or the file is a program;
 * otherwise only noted — friends share photo archives too.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { ARCHIVE_EXTS, isConsumerMailbox, isWebLink, linkFinding, runnableKind, senderIsStranger } from './support/helpers';
import { freeHostingKind } from '../scan/deps';
import { lureMatcher } from './support/lexicon';
import { normalizeForMatch } from '../scan/term-matcher';

/** Offices and societies that write to hospital staff; on free mail they are an unverified claim. */
const OFFICE_WORDS = /学会|事務局|研究会|協会|学術集会|委員会|医師会|看護協会/;

/** Not files people are tricked into running from a link (server pages, plain web names). */
const NOT_FILES = new Set(['com', 'net', 'org', 'jp', 'html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'dll', 'bin', 'run', 'sh', 'py', 'inf', 'reg']);

/** The first archive or program file name written in the text: `資料.zip`, `setup.exe`. Linear scan. */
export function sharedFileName(text: string): { name: string; runnable: boolean } | undefined {
  const re = /\.([a-z0-9]{1,5})(?![a-z0-9])/gi;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(text)) !== null && seen++ < 200) {
    const ext = m[1]!.toLowerCase();
    if (NOT_FILES.has(ext)) continue;
    const runnable = !!runnableKind(ext);
    if (!runnable && !ARCHIVE_EXTS.has(ext)) continue;
    // The name is what stands before the dot on the same word (no spaces or URL slashes).
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const stem = /[^\s/\\「」『』"'<>:：()（）]+$/.exec(before)?.[0] ?? '';
    if (!stem) continue;
    return { name: `${stem}.${ext}`, runnable };
  }
  return undefined;
}

/** Archives and programs described without a file name: 「ZIPファイル」, 「圧縮ファイル」, 「実行ファイル」. */
const ARCHIVE_WORDS = /zip\s?(?:ファイル|形式|file)|圧縮(?:ファイル|フォルダ|データ)|(?:rar|7z|lzh)\s?(?:ファイル|形式)|compressed file/;
const PROGRAM_WORDS = /実行ファイル|インストーラ|exe\s?(?:ファイル|形式)|installer/;

/** The file the mail talks about, by name or by kind. */
function fileInText(text: string, norm: string): { name: string; runnable: boolean } | undefined {
  const named = sharedFileName(text);
  if (named) return named;
  const program = PROGRAM_WORDS.exec(norm)?.[0];
  if (program) return { name: program, runnable: true };
  const archive = ARCHIVE_WORDS.exec(norm)?.[0];
  if (archive) return { name: archive, runnable: false };
  return undefined;
}

export const linkSharedArchive: Rule = {
  id: 'link-shared-archive',
  scope: 'link',
  maxSeverity: 'caution',
  weight: 1,
  needs: ['from', 'links'],
  check(msg) {
    const from = msg.from;
    if (!from || !isConsumerMailbox(from) || !senderIsStranger(msg) || msg.isMailingList) return [];
    const shares = msg.links.filter((l) => isWebLink(l) && freeHostingKind(l.dest) === 'file-sharing');
    if (shares.length === 0) return [];
    const textFile = fileInText(`${msg.subject}\n${msg.bodyText.slice(0, 10_000)}`, `${msg.subjectNorm}\n${msg.bodyNorm.slice(0, 10_000)}`);
    for (const link of shares) {
      const file = sharedFileName(link.text) ?? sharedFileName(decodeSafe(link.dest.pathname ?? '')) ?? textFile;
      if (!file) continue;
      const nameNorm = normalizeForMatch(from.name);
      const office = OFFICE_WORDS.test(nameNorm) || lureMatcher().find(nameNorm, 10).some((h) => h.tag === 'official') || OFFICE_WORDS.test(msg.subjectNorm);
      const severity = office || file.runnable ? 'caution' : 'info';
      return [linkFinding(this.id, severity, link, { file: file.name.slice(0, 120) })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      {
        name: '学会事務局 on Gmail shares a zip on Google Drive (caution)',
        snapshot: {
          from: { name: '日本〇〇学会 事務局', address: 'gakkai.office.jimu@gmail.com' },
          subject: '学術集会 抄録集のご案内',
          html: '<p>抄録集（抄録集_2026.zip）をGoogleドライブで共有しました。</p>',
          anchors: [{ href: 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing', text: '抄録集をダウンロード', source: 'html' }],
        },
      },
    ],
    clean: [
      {
        name: 'a colleague on Gmail shares a PDF on Dropbox',
        snapshot: {
          from: { name: '佐藤 花子', address: 'hanako.sato@gmail.com' },
          subject: '資料です',
          html: '<p>研修の資料（資料.pdf）を共有します。</p>',
          anchors: [{ href: 'https://www.dropbox.com/s/abc123/shiryou.pdf?dl=0', text: '資料.pdf', source: 'html' }],
        },
      },
    ],
  },
};

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
