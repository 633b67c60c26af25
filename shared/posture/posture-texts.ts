/**
 * Remedy and summary texts for posture checks, Japanese first. Short steps a nurse can follow,
 * then whom to call. Contact details come from policy and are inserted as plain text.
 */
import type { Contact } from '../policy/types';
import type { LocalizedText, PostureCheckId } from './types';

export function callLine(contact: Contact | undefined): LocalizedText {
  const name = contact?.name;
  const phone = contact?.phone;
  if (phone) {
    return {
      ja: `わからないときは ${name ?? '情報システム担当'}（${phone}）に電話してください。`,
      en: `If unsure, call ${name ?? 'your IT contact'} (${phone}).`,
    };
  }
  if (name) return { ja: `わからないときは ${name} に相談してください。`, en: `If unsure, ask ${name}.` };
  return { ja: 'わからないときは情報システム担当（IT 担当）に相談してください。', en: 'If unsure, ask your IT contact.' };
}

const STEPS: Record<Exclude<PostureCheckId, 'browser-version'>, LocalizedText> = {
  'facts-freshness': {
    ja: 'この端末の更新状況が IT から届いていません（または古いままです）。Windows Update とウイルス対策の更新を済ませてから、IT 担当に伝えてください。',
    en: 'IT tooling has not reported this device recently. Install Windows updates and antivirus updates, then tell your IT contact.',
  },
  'os-patch-age': {
    ja: '「スタート」→「設定」→「Windows Update」を開き、「更新プログラムのチェック」を押します。すべて入れたら再起動してください。',
    en: 'Open Start → Settings → Windows Update, select "Check for updates", install everything and restart.',
  },
  'av-definitions-age': {
    ja: '「Windows セキュリティ」→「ウイルスと脅威の防止」→「保護の更新」で「更新プログラムのチェック」を押します。ほかのウイルス対策ソフトなら、その画面の「今すぐ更新」を押してください。',
    en: 'Open Windows Security → Virus & threat protection → Protection updates and select "Check for updates". With another antivirus product, use its "Update now".',
  },
  'av-enabled': {
    ja: '「Windows セキュリティ」→「ウイルスと脅威の防止」→「設定の管理」で「リアルタイム保護」をオンにしてください。オンにできないときは、すぐに IT 担当へ連絡してください。',
    en: 'Open Windows Security → Virus & threat protection → Manage settings and turn "Real-time protection" on. If you cannot, contact IT at once.',
  },
  'office-build': {
    ja: 'Outlook の「ファイル」→「Office アカウント」→「更新オプション」→「今すぐ更新」を押し、終わったら Outlook を開き直してください。',
    en: 'In Outlook, open File → Office Account → Update Options → Update Now, then restart Outlook.',
  },
  'password-age': {
    ja: 'パスワードを変えてください（Windows では Ctrl+Alt+Del →「パスワードの変更」）。院内のきまりに従ってください。',
    en: 'Change your password (on Windows: Ctrl+Alt+Del → Change a password), following your organisation\'s rules.',
  },
};

const BROWSER_STEPS: Record<'chrome' | 'edge' | 'firefox' | 'other', LocalizedText> = {
  chrome: {
    ja: 'Chrome 右上の「︙」→「ヘルプ」→「Google Chrome について」を開くと更新が始まります。終わったら「再起動」を押してください。',
    en: 'In Chrome, open ⋮ → Help → About Google Chrome; it updates itself. Then select Relaunch.',
  },
  edge: {
    ja: 'Edge 右上の「…」→「ヘルプとフィードバック」→「Microsoft Edge について」を開くと更新が始まります。終わったら「再起動」を押してください。',
    en: 'In Edge, open … → Help and feedback → About Microsoft Edge; it updates itself. Then select Restart.',
  },
  firefox: {
    ja: 'Firefox 右上の「≡」→「ヘルプ」→「Firefox について」を開くと更新が始まります。終わったら「再起動して更新」を押してください。',
    en: 'In Firefox, open ≡ → Help → About Firefox; it updates itself. Then select "Restart to update".',
  },
  other: {
    ja: 'ブラウザーを最新版に更新して、再起動してください。',
    en: 'Update the browser to its latest version and restart it.',
  },
};

export function remedyFor(id: PostureCheckId, contact: Contact | undefined, browserName?: string): LocalizedText {
  let steps: LocalizedText;
  if (id === 'browser-version') {
    const n = (browserName ?? '').toLowerCase();
    const key = n.includes('edge') ? 'edge' : n.includes('firefox') ? 'firefox' : n.includes('chrom') ? 'chrome' : 'other';
    steps = BROWSER_STEPS[key];
  } else {
    steps = STEPS[id];
  }
  const call = callLine(contact);
  return { ja: `${steps.ja}${call.ja}`, en: `${steps.en} ${call.en}` };
}

export const CHECK_TITLES: Record<PostureCheckId, LocalizedText> = {
  'facts-freshness': { ja: '端末情報の新しさ', en: 'Freshness of device facts' },
  'os-patch-age': { ja: 'OS の更新', en: 'OS updates' },
  'av-definitions-age': { ja: 'ウイルス対策の定義ファイル', en: 'Antivirus definitions' },
  'av-enabled': { ja: 'ウイルス対策（リアルタイム保護）', en: 'Antivirus and real-time protection' },
  'browser-version': { ja: 'ブラウザーのバージョン', en: 'Browser version' },
  'office-build': { ja: 'Office のビルド', en: 'Office build' },
  'password-age': { ja: 'パスワードの使用期間', en: 'Password age' },
};
