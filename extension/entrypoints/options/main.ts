/**
 * The options page: the effective policy (read-only where IT manages it, with the managed keys
 * marked) and the few local settings a small clinic without managed deployment edits here. Local
 * values are checked with parsePolicy before saving and its problems are shown per field. The
 * page requests the optional host permission for Roundcube origins only on a click (the browser
 * requires a user gesture) and only for exactly the origins listed.
 *
 * Never shows secrets (reportToken) and never writes managed storage.
 */
import '../../ui/page/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import type { Contact, Policy } from '../../../shared/policy/types';
import { parsePolicy } from '../../../shared/policy/parse-policy';
import { append, clear, h } from '../../ui/dom';
import { applyPageLang, pageLang } from '../../ui/page/lang';
import { request } from '../../ui/page/runtime';
import { LOCAL_SETTINGS_KEY } from '../../ui/page/storage-keys';
import { t, type TextKey, type UiLang } from '../../ui/texts';

interface Problem {
  field: string;
  message: string;
  messageJa?: string;
}

interface ContextAnswer {
  policy: Policy;
  problems?: Problem[];
  managedKeys?: string[];
  lang?: UiLang;
}

/** What the local settings object may hold (a partial policy plus the language override). */
export interface LocalSettings {
  orgName?: string;
  orgDomains?: string[];
  partnerDomains?: string[];
  adminContact?: Contact;
  roundcubeOrigins?: string[];
  lang?: UiLang;
}

const app = document.getElementById('app') as HTMLElement;

async function main(): Promise<void> {
  const [context, stored] = await Promise.all([
    request<ContextAnswer>({ type: 'get-context' }),
    browser.storage.local.get(LOCAL_SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>),
  ]);
  const local = asLocalSettings((stored as Record<string, unknown>)[LOCAL_SETTINGS_KEY]);
  const lang = await pageLang(local.lang ?? (context.ok ? context.lang : undefined));
  applyPageLang(document, lang, t('optionsTitle', lang));
  render(lang, context.ok ? context : undefined, local);
}

function render(lang: UiLang, context: ContextAnswer | undefined, local: LocalSettings): void {
  clear(app);
  const managed = new Set(context?.managedKeys ?? []);
  const effective = context?.policy;
  const isManaged = (key: string): boolean => managed.has(key) || [...managed].some((m) => key.startsWith(`${m}.`) || m.startsWith(`${key}.`));
  const problems = [...(context?.problems ?? [])];
  const status = h(document, 'p', { class: 'status-line', attrs: { role: 'status', id: 'save-status' } });

  const form = h(document, 'form', { attrs: { novalidate: '' } });
  const fields: { key: keyof LocalSettings; read(): unknown }[] = [];

  const textField = (key: 'orgName', label: TextKey): void => {
    const id = `f-${key}`;
    if (isManaged(key)) {
      form.append(managedField(lang, label, effective?.[key] ?? '', key, problems));
      return;
    }
    const input = h(document, 'input', { attrs: { type: 'text', id, name: key, autocomplete: 'off' } });
    input.value = local[key] ?? '';
    fields.push({ key, read: () => input.value.trim() || undefined });
    form.append(fieldBox(lang, label, id, input, key, problems));
  };
  const listField = (key: 'orgDomains' | 'partnerDomains' | 'roundcubeOrigins', label: TextKey): HTMLTextAreaElement | undefined => {
    const id = `f-${key}`;
    if (isManaged(key)) {
      form.append(managedField(lang, label, (effective?.[key] ?? []).join('\n'), key, problems));
      return undefined;
    }
    const area = h(document, 'textarea', { attrs: { id, name: key, spellcheck: 'false', 'aria-describedby': `${id}-hint` } });
    area.value = (local[key] ?? []).join('\n');
    fields.push({ key, read: () => lines(area.value) });
    form.append(fieldBox(lang, label, id, area, key, problems, t('optionsListHint', lang)));
    return area;
  };

  form.append(h(document, 'h2', { text: t('optionsLocal', lang) }));
  textField('orgName', 'fieldOrgName');
  listField('orgDomains', 'fieldOrgDomains');
  listField('partnerDomains', 'fieldPartnerDomains');

  // Admin contact: one fieldset, managed as a whole.
  const contactBox = h(document, 'fieldset', {}, [h(document, 'legend', { text: t('contactsTitle', lang) })]);
  if (isManaged('adminContact')) {
    const c = effective?.adminContact ?? {};
    contactBox.append(managedField(lang, 'contactAdmin', [c.name, c.phone, c.email, c.hours].filter(Boolean).join(' / '), 'adminContact', problems));
  } else {
    const contactInputs: [keyof Contact, TextKey, string][] = [
      ['name', 'fieldAdminName', 'text'],
      ['phone', 'fieldAdminPhone', 'tel'],
      ['email', 'fieldAdminEmail', 'email'],
      ['hours', 'hours', 'text'],
    ];
    const inputs = contactInputs.map(([sub, label, type]) => {
      const id = `f-adminContact-${sub}`;
      const input = h(document, 'input', { attrs: { type, id, name: `adminContact.${sub}`, autocomplete: 'off' } });
      input.value = local.adminContact?.[sub] ?? '';
      contactBox.append(fieldBox(lang, label, id, input, `adminContact.${sub}`, problems));
      return [sub, input] as const;
    });
    fields.push({
      key: 'adminContact',
      read: () => {
        const contact: Contact = {};
        for (const [sub, input] of inputs) if (input.value.trim()) contact[sub] = input.value.trim();
        return Object.keys(contact).length ? contact : undefined;
      },
    });
  }
  form.append(contactBox);

  const origins = listField('roundcubeOrigins', 'fieldRoundcubeOrigins');
  const grantStatus = h(document, 'span', { class: 'hint', attrs: { role: 'status' } });
  form.append(
    h(document, 'p', {}, [
      h(document, 'button', {
        class: 'secondary',
        attrs: { type: 'button', id: 'grant' },
        text: t('optionsGrant', lang),
        on: {
          // permissions.request must run inside the click, before any await.
          click: () => {
            const list = origins ? lines(origins.value) : (effective?.roundcubeOrigins ?? []);
            const patterns = originPatterns(list);
            if (patterns.length === 0) return;
            browser.permissions
              .request({ origins: patterns })
              .then((granted) => {
                grantStatus.textContent = ` ${t(granted ? 'optionsGranted' : 'optionsNotGranted', lang)}`;
              })
              .catch(() => {
                grantStatus.textContent = ` ${t('optionsNotGranted', lang)}`;
              });
          },
        },
      }),
      grantStatus,
    ]),
  );

  // Language override (always local).
  const select = h(document, 'select', { attrs: { id: 'f-lang', name: 'lang' } }, [
    h(document, 'option', { attrs: { value: '' }, text: t('optionsLangAuto', lang) }),
    h(document, 'option', { attrs: { value: 'ja' }, text: '日本語' }),
    h(document, 'option', { attrs: { value: 'en' }, text: 'English' }),
  ]);
  select.value = local.lang ?? '';
  fields.push({ key: 'lang', read: () => (select.value === 'ja' || select.value === 'en' ? select.value : undefined) });
  form.append(fieldBox(lang, 'optionsLang', 'f-lang', select, 'lang', []));

  form.append(
    h(document, 'div', { class: 'actions' }, [
      h(document, 'button', { class: 'primary', attrs: { type: 'submit', id: 'save' }, text: t('optionsSave', lang) }),
    ]),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next: Record<string, unknown> = {};
    for (const field of fields) {
      const value = field.read();
      if (value !== undefined) next[field.key] = value;
    }
    const { lang: nextLang, ...policyPart } = next;
    const localProblems = checkLocal(policyPart);
    if (localProblems.length) {
      render(lang, { ...(context ?? ({} as ContextAnswer)), problems: [...(context?.problems ?? []), ...localProblems] }, next as LocalSettings);
      const first = document.querySelector<HTMLElement>('.problem');
      first?.scrollIntoView({ block: 'center' });
      (document.getElementById('save-status') as HTMLElement).textContent = t('optionsSaveFailed', lang);
      return;
    }
    browser.storage.local
      .set({ [LOCAL_SETTINGS_KEY]: { ...policyPart, ...(nextLang ? { lang: nextLang } : {}) } })
      .then(async () => {
        const fresh = await request<ContextAnswer>({ type: 'get-context' });
        const newLang = await pageLang(typeof nextLang === 'string' ? nextLang : undefined);
        applyPageLang(document, newLang, t('optionsTitle', newLang));
        render(newLang, fresh.ok ? fresh : context, next as LocalSettings);
        (document.getElementById('save-status') as HTMLElement).textContent = t('optionsSaved', newLang);
      })
      .catch(() => {
        status.textContent = t('optionsSaveFailed', lang);
      });
  });

  append(app, [
    h(document, 'h1', { text: t('optionsTitle', lang) }),
    managed.size ? h(document, 'p', { class: 'hint', text: t('optionsManagedNote', lang) }) : null,
    renderProblems(lang, problems),
    form,
    renderEffective(lang, effective, managed),
  ]);
}

function fieldBox(lang: UiLang, label: TextKey, id: string, control: HTMLElement, field: string, problems: Problem[], hint?: string): HTMLElement {
  const mine = problemsFor(field, problems);
  if (mine.length) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), `${id}-problems`].filter(Boolean).join(' '));
  }
  return h(document, 'div', { class: 'field' }, [
    h(document, 'label', { attrs: { for: id }, text: t(label, lang) }),
    control,
    hint ? h(document, 'p', { class: 'hint', attrs: { id: `${id}-hint` }, text: hint }) : null,
    mine.length ? h(document, 'div', { attrs: { id: `${id}-problems` } }, mine.map((p) => problemLine(lang, p))) : null,
  ]);
}

function managedField(lang: UiLang, label: TextKey, value: string, field: string, problems: Problem[]): HTMLElement {
  return h(document, 'div', { class: 'field managed', attrs: { 'data-managed': field } }, [
    h(document, 'p', { class: 'label' }, [h(document, 'strong', { text: t(label, lang) }), h(document, 'span', { class: 'lock', text: t('optionsManaged', lang) })]),
    h(document, 'p', { class: 'managed-value', text: value || '—' }),
    ...problemsFor(field, problems).map((p) => problemLine(lang, p)),
  ]);
}

function problemsFor(field: string, problems: Problem[]): Problem[] {
  return problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`));
}

function problemLine(lang: UiLang, problem: Problem): HTMLElement {
  const message = lang === 'ja' ? problem.messageJa || problem.message : problem.message || problem.messageJa || '';
  return h(document, 'p', { class: 'problem', attrs: { 'data-field': problem.field } }, [
    h(document, 'code', { text: problem.field }),
    `: ${message}`,
  ]);
}

function renderProblems(lang: UiLang, problems: Problem[]): HTMLElement {
  return h(document, 'section', { class: 'problems', attrs: { 'aria-labelledby': 'problems-title' } }, [
    h(document, 'h2', { attrs: { id: 'problems-title' }, text: t('optionsProblems', lang) }),
    problems.length
      ? h(document, 'div', {}, problems.map((p) => problemLine(lang, p)))
      : h(document, 'p', { class: 'muted', text: t('optionsNoProblems', lang) }),
  ]);
}

/** The whole effective policy as a table; secrets are masked, managed keys marked. */
function renderEffective(lang: UiLang, policy: Policy | undefined, managed: Set<string>): HTMLElement {
  const rows: HTMLElement[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    const top = path.split('.')[0] ?? path;
    const shown = path === 'reportToken' ? '••••••' : Array.isArray(value) ? value.map(String).join(', ') || '—' : value === undefined || value === '' ? '—' : String(value);
    const isManaged = managed.has(path) || managed.has(top);
    rows.push(
      h(document, 'tr', { attrs: isManaged ? { 'data-managed': path } : {} }, [
        h(document, 'th', { attrs: { scope: 'row' } }, [path, isManaged ? h(document, 'span', { class: 'lock', text: t('optionsManaged', lang) }) : null]),
        h(document, 'td', { class: 'value', text: shown }),
      ]),
    );
  };
  if (policy) walk(policy, '');
  return h(document, 'section', { attrs: { 'aria-labelledby': 'effective-title' } }, [
    h(document, 'h2', { attrs: { id: 'effective-title' }, text: t('optionsEffective', lang) }),
    policy ? h(document, 'table', {}, [h(document, 'tbody', {}, rows)]) : h(document, 'p', { class: 'muted', text: t('loadFailed', lang) }),
  ]);
}

/** Problems parsePolicy finds in the local part (only fields the user could edit here). */
function checkLocal(policyPart: Record<string, unknown>): Problem[] {
  try {
    const result = parsePolicy(policyPart) as { problems?: Problem[] };
    return (result.problems ?? []).filter((p) => p && typeof p.field === 'string');
  } catch {
    return [];
  }
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Match patterns for https origins only (`https://host[:port]/*`); anything else is ignored. */
export function originPatterns(list: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const entry of list) {
    try {
      const url = new URL(entry);
      if (url.protocol !== 'https:' || !url.hostname) continue;
      patterns.add(`https://${url.hostname}/*`);
    } catch {
      // Not a URL: parsePolicy reports it.
    }
  }
  return [...patterns];
}

function asLocalSettings(value: unknown): LocalSettings {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const list = (x: unknown): string[] | undefined => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : undefined);
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const contact = v.adminContact && typeof v.adminContact === 'object' ? (v.adminContact as Record<string, unknown>) : undefined;
  return {
    orgName: str(v.orgName),
    orgDomains: list(v.orgDomains),
    partnerDomains: list(v.partnerDomains),
    roundcubeOrigins: list(v.roundcubeOrigins),
    adminContact: contact
      ? { name: str(contact.name), phone: str(contact.phone), email: str(contact.email), hours: str(contact.hours) }
      : undefined,
    lang: v.lang === 'ja' || v.lang === 'en' ? v.lang : undefined,
  };
}

void main();
