/**
 * A compact posture summary for the popup (and options): overall state and each check with
 * value, limit and remedy. Text only.
 */
import type { PostureVerdict } from '../../../shared/posture/types';
import { h } from '../dom';
import { checkLabel, postureLimitText, postureValueText, t, type UiLang } from '../texts';

export function renderPostureSummary(doc: Document, posture: PostureVerdict | undefined, lang: UiLang): HTMLElement {
  const status = posture?.status;
  const checks = Array.isArray(posture?.checks) ? posture.checks : [];
  const headline =
    status === 'ok' ? t('popupPostureOk', lang) : status === 'unknown' || !status ? t('popupPostureUnknown', lang) : t('popupPostureStale', lang);
  const cls = status === 'block' ? 'danger' : status === 'warn' ? 'caution' : 'safe';
  return h(doc, 'section', { class: 'posture', attrs: { 'aria-labelledby': 'posture-title', 'data-posture': String(status ?? 'unknown') } }, [
    h(doc, 'h2', { attrs: { id: 'posture-title' }, text: t('postureHeading', lang) }),
    h(doc, 'p', {}, [h(doc, 'span', { class: `level ${cls}`, text: headline })]),
    checks.length
      ? h(doc, 'ul', { class: 'checks' }, checks.map((check) => {
          const ok = check.status === 'ok';
          const unknown = check.status === 'unknown';
          // Remedies only where something is known to be out of date; an unconfigured device
          // would otherwise list every step for every check.
          const remedy = !ok && !unknown && check.remedy ? (lang === 'en' ? check.remedy.en : check.remedy.ja) : '';
          return h(doc, 'li', { class: `check ${String(check.status)}` }, [
            h(doc, 'span', { class: 'check-name', text: checkLabel(String(check.id), lang) }),
            ' — ',
            h(doc, 'span', { class: 'check-status', text: t(ok ? 'statusOk' : unknown ? 'unknown' : 'statusFail', lang) }),
            !ok && !unknown
              ? h(doc, 'span', { class: 'check-value muted', text: ` (${t('gateValue', lang)}: ${postureValueText(check.value, lang, check.ageHours)} / ${t('gateLimit', lang)}: ${postureLimitText(check.limit, lang)})` })
              : null,
            remedy ? h(doc, 'span', { class: 'check-remedy', text: remedy }) : null,
          ]);
        }))
      : null,
  ]);
}
