/**
 * Renders the pane's main view — verdict with findings, device posture, contacts — as DOM built
 * from text (see dom.ts). Pure rendering: it gets plain data and callbacks, and knows nothing of
 * Outlook. Japanese first; English when Outlook is in English.
 *
 * Must never: put mail-derived text anywhere but textContent or a plain attribute, or render a
 * link whose scheme is not tel:, mailto: or https: (contacts and the incident portal only).
 */
import type { Finding, MailSnapshot, Severity, Verdict, VerdictLevel } from '../../shared/model';
import { addressText } from '../../shared/i18n/address-text';
import { findingLines as sharedFindingLines } from '../../shared/i18n/finding-lines';
import type { Contact, Policy } from '../../shared/policy/types';
import type { PolicyProblem } from '../../shared/policy/parse-policy';
import { telHref } from '../../shared/policy/contact-link';
import { INCIDENT_PORTAL_URL } from '../../shared/policy/defaults';
import { CHECK_TITLES } from '../../shared/posture/posture-texts';
import type { PostureVerdict } from '../../shared/posture/types';
import { el } from './dom';
import { paneText, type PaneLang } from './pane-texts';

/** Reasons shown before the rest fold into 「ほか N 件」. */
const FINDINGS_SHOWN = 3;

/** A finding line as the pane shows it: each target value once, whatever its kind. */
export interface FindingLine {
  severity: Severity;
  title: string;
  message: string;
  targets: string[];
}

/** Findings as sentences, most severe first, each sentence once with all its targets. */
export function findingLines(findings: readonly Finding[], lang: PaneLang): FindingLine[] {
  return sharedFindingLines(findings, lang).map(({ severity, title, message, targets }) => ({
    severity,
    title,
    message,
    targets: [...new Set(targets.map((target) => target.value))],
  }));
}

export function levelLabel(level: VerdictLevel, lang: PaneLang): string {
  return paneText(level === 'danger' ? 'levelDanger' : level === 'caution' ? 'levelCaution' : 'levelSafe', lang);
}

/** The one-line notification for the item: level and the main reason (≤ 150 characters). */
export function noticeLine(verdict: Verdict, lang: PaneLang): string {
  const main = findingLines(verdict.findings.filter((f) => f.severity !== 'info'), lang)[0];
  const separator = lang === 'ja' ? '：' : ': ';
  const reason = main ? main.title : paneText(verdict.level === 'danger' ? 'dangerTitle' : 'cautionTitle', lang);
  const line = `${paneText('productName', lang)} ${levelLabel(verdict.level, lang)}${separator}${reason}`;
  return line.length > 150 ? `${line.slice(0, 149)}…` : line;
}

export interface VerdictViewInput {
  snapshot: MailSnapshot;
  verdict: Verdict;
  lang: PaneLang;
  onConsult: () => void;
  onOpenedAlready: () => void;
}

export function renderVerdict(doc: Document, input: VerdictViewInput): HTMLElement {
  const { verdict, lang } = input;
  const level = verdict.level;
  const title = paneText(level === 'danger' ? 'dangerTitle' : level === 'caution' ? 'cautionTitle' : 'safeTitle', lang);
  const lead = paneText(level === 'danger' ? 'dangerLead' : level === 'caution' ? 'cautionLead' : 'safeLead', lang);
  const section = el(doc, 'section', { className: `verdict verdict-${level}`, attrs: { id: 'kokoroe-verdict', 'data-kokoroe-verdict': level, 'aria-labelledby': 'kokoroe-verdict-title' } }, [
    el(doc, 'p', { className: 'level-badge', text: levelLabel(level, lang) }),
    el(doc, 'h2', { attrs: { id: 'kokoroe-verdict-title' }, text: title }),
    el(doc, 'p', { className: 'lead', text: lead }),
  ]);
  if (input.snapshot.subject !== undefined || input.snapshot.from) {
    const fromText = addressText(input.snapshot.from);
    section.append(
      el(doc, 'dl', { className: 'message-summary' }, [
        fromText ? el(doc, 'dt', { text: paneText('from', lang) }) : undefined,
        fromText ? el(doc, 'dd', { text: fromText }) : undefined,
        input.snapshot.subject !== undefined ? el(doc, 'dt', { text: paneText('subject', lang) }) : undefined,
        input.snapshot.subject !== undefined ? el(doc, 'dd', { text: input.snapshot.subject }) : undefined,
      ]),
    );
  }
  const lines = findingLines(verdict.findings, lang);
  if (lines.length > 0) {
    const item = (line: FindingLine): HTMLElement =>
      el(doc, 'li', { className: `finding finding-${line.severity}`, attrs: { 'data-severity': line.severity } }, [
        el(doc, 'strong', { className: 'finding-title', text: line.title }),
        line.message ? el(doc, 'span', { className: 'finding-message', text: line.message }) : undefined,
        ...line.targets.slice(0, 5).map((t) => el(doc, 'code', { className: 'finding-target', text: t })),
      ]);
    // The most severe reasons stay in view; the rest fold away so the buttons stay near.
    const shown = lines.slice(0, FINDINGS_SHOWN);
    const folded = lines.slice(FINDINGS_SHOWN);
    section.append(
      el(doc, 'h3', { text: paneText('findingsHeading', lang) }),
      el(doc, 'ul', { className: 'findings', attrs: { id: 'kokoroe-findings' } }, shown.map(item)),
    );
    if (folded.length > 0) {
      section.append(
        el(doc, 'details', { className: 'more-findings' }, [
          el(doc, 'summary', { text: paneText('moreFindings', lang, { count: folded.length }) }),
          el(doc, 'ul', { className: 'findings', attrs: { id: 'kokoroe-findings-more' } }, folded.map(item)),
        ]),
      );
    }
  }
  if (verdict.unchecked.length > 0) {
    section.append(el(doc, 'p', { className: 'unchecked', text: `${paneText('uncheckedNote', lang)}: ${verdict.unchecked.join(', ')}` }));
  }
  if ((input.snapshot.missing ?? []).length > 0) {
    section.append(el(doc, 'p', { className: 'unchecked', text: paneText('problemsNote', lang) }));
  }
  const consult = el(doc, 'button', { className: 'primary', attrs: { type: 'button', id: 'kokoroe-consult' }, text: paneText('consult', lang) });
  consult.addEventListener('click', () => input.onConsult());
  const opened = el(doc, 'button', { className: 'secondary', attrs: { type: 'button', id: 'kokoroe-opened' }, text: paneText('openedAlready', lang) });
  opened.addEventListener('click', () => input.onOpenedAlready());
  section.append(el(doc, 'div', { className: 'actions' }, [consult, opened]));
  return section;
}

export function renderPosture(doc: Document, posture: PostureVerdict, lang: PaneLang): HTMLElement {
  const headline =
    posture.status === 'block' ? 'postureBlock' : posture.status === 'warn' ? 'postureWarn' : posture.status === 'ok' ? 'postureOk' : 'postureUnknown';
  const section = el(doc, 'section', { className: `posture posture-${posture.status}`, attrs: { id: 'kokoroe-posture', 'data-kokoroe-posture': posture.status, 'aria-labelledby': 'kokoroe-posture-title' } }, [
    el(doc, 'h2', { attrs: { id: 'kokoroe-posture-title' }, text: paneText('postureHeading', lang) }),
    el(doc, 'p', { className: 'lead', text: paneText(headline, lang) }),
  ]);
  const shown = posture.checks.filter((c) => c.status !== 'ok');
  if (shown.length > 0) {
    const list = el(
        doc,
        'ul',
        { className: 'checks', attrs: { id: 'kokoroe-posture-checks' } },
        shown.map((check) =>
          el(doc, 'li', { className: `check check-${check.status}`, attrs: { 'data-check': check.id, 'data-status': check.status } }, [
            el(doc, 'strong', { text: CHECK_TITLES[check.id]?.[lang] ?? check.id }),
            el(doc, 'span', { text: check.summary[lang] }),
            el(doc, 'span', { className: 'remedy', text: check.remedy[lang] }),
          ]),
        ),
      );
    // A device that must be updated first shows its steps open; otherwise they fold away.
    section.append(
      posture.status === 'block'
        ? list
        : el(doc, 'details', { className: 'posture-details' }, [el(doc, 'summary', { text: paneText('postureDetails', lang, { count: shown.length }) }), list]),
    );
  }
  if (posture.reminder) {
    section.append(
      el(doc, 'p', { text: posture.reminder[lang] }),
      el(doc, 'ul', { className: 'reminder' }, posture.reminder.checklist.map((item) => el(doc, 'li', { text: item[lang] }))),
    );
  }
  section.append(el(doc, 'p', { className: 'note', text: paneText('postureFactsNote', lang) }));
  return section;
}

/** Admin contact first (phone as a tel: link), then after-hours, then the MHLW help desk. */
export function renderContacts(doc: Document, policy: Policy, lang: PaneLang): HTMLElement {
  const section = el(doc, 'section', { className: 'contacts', attrs: { id: 'kokoroe-contacts' } });
  const contact = (c: Contact, label?: string): HTMLElement => {
    const href = telHref(c.phone);
    return el(doc, 'div', { className: 'contact' }, [
      label ? el(doc, 'p', { className: 'contact-label', text: label }) : undefined,
      c.phone
        ? href
          ? el(doc, 'a', { className: 'phone', attrs: { href }, text: `☎ ${c.phone}` })
          : el(doc, 'p', { className: 'phone', text: `☎ ${c.phone}` })
        : undefined,
      c.name ? el(doc, 'p', { className: 'contact-name', text: c.name }) : undefined,
      c.hours ? el(doc, 'p', { className: 'contact-hours', text: `${paneText('hours', lang)}: ${c.hours}` }) : undefined,
      c.email ? el(doc, 'p', { className: 'contact-email', text: c.email }) : undefined,
    ]);
  };
  if (policy.adminContact && (policy.adminContact.phone || policy.adminContact.name || policy.adminContact.email)) {
    section.append(el(doc, 'p', { className: 'call-first', text: paneText('callFirst', lang) }), contact(policy.adminContact));
  } else {
    section.append(el(doc, 'p', { className: 'call-first', text: paneText('noContact', lang) }));
  }
  if (policy.afterHoursContact && (policy.afterHoursContact.phone || policy.afterHoursContact.name)) {
    section.append(contact(policy.afterHoursContact, paneText('afterHours', lang)));
  }
  section.append(
    el(doc, 'p', { className: 'portal' }, [
      el(doc, 'a', { attrs: { href: INCIDENT_PORTAL_URL, target: '_blank', rel: 'noopener noreferrer' }, text: paneText('incidentPortal', lang) }),
    ]),
  );
  return section;
}

export function renderPolicyProblems(doc: Document, problems: readonly PolicyProblem[], lang: PaneLang): HTMLElement | undefined {
  if (problems.length === 0) return undefined;
  return el(doc, 'section', { className: 'policy-problems', attrs: { id: 'kokoroe-policy-problems', role: 'status' } }, [
    el(doc, 'p', { text: paneText('policyProblem', lang) }),
    el(doc, 'ul', {}, problems.slice(0, 10).map((p) => el(doc, 'li', { text: `${p.field}: ${lang === 'ja' ? p.messageJa : p.message}` }))),
  ]);
}
