/**
 * Generic words every host needs around the findings: level labels, the buttons of the consult
 * flow, and the neutral mark for "no findings". The neutral mark never claims the mail is safe
 * (安全です): the check can only say it found nothing.
 */
import type { Lang } from './types';

export const UI_TEXTS = {
  'level.safe': { ja: '指摘なし', en: 'No findings' },
  'level.caution': { ja: '注意', en: 'Caution' },
  'level.danger': { ja: '危険', en: 'Danger' },
  'severity.info': { ja: '参考', en: 'Note' },
  'severity.caution': { ja: '注意', en: 'Caution' },
  'severity.danger': { ja: '危険', en: 'Danger' },
  'verdict.none': { ja: '気になる点は見つかりませんでした', en: 'Nothing suspicious was found' },
  'verdict.caution': { ja: '注意が必要なメールです', en: 'Be careful with this message' },
  'verdict.danger': { ja: '危険なメールの可能性があります', en: 'This message may be dangerous' },
  'action.consult': { ja: '管理者に相談', en: 'Ask IT administrator' },
  'action.details': { ja: '詳細', en: 'Details' },
  'action.back': { ja: '戻る', en: 'Go back' },
  'action.openAnyway': { ja: 'それでも開く', en: 'Open anyway' },
  'action.recheck': { ja: '再確認', en: 'Check again' },
  'label.unchecked': { ja: '確認できなかった項目', en: 'Checks that could not run' },
  'label.findings': { ja: '見つかった点', en: 'Findings' },
  'label.target': { ja: '対象', en: 'Target' },
  'cli.summary': { ja: '{total} 通を確認：危険 {danger}・注意 {caution}・指摘なし {safe}（{ms} ms）', en: '{total} messages: {danger} danger, {caution} caution, {safe} no findings ({ms} ms)' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiTextKey = keyof typeof UI_TEXTS;
