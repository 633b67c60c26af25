/**
 * The contact block shown on the warning page, popup and as the consult fallback: the admin's
 * phone first as a `tel:` link, then hours, after-hours contact, and the incident portal.
 * Values come from policy (IT-written, still validated): text only, and a phone becomes a
 * `tel:` URL only from its digits (shared/policy/contact-link).
 */
import type { Contact, Policy } from '../../../shared/policy/types';
import { telHref } from '../../../shared/policy/contact-link';
import { INCIDENT_PORTAL_URL } from '../../../shared/policy/defaults';
import { h } from '../dom';
import { t, type UiLang } from '../texts';

export function renderContacts(doc: Document, policy: Pick<Policy, 'adminContact' | 'afterHoursContact'> | undefined, lang: UiLang, headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement {
  const admin = policy?.adminContact;
  const after = policy?.afterHoursContact;
  return h(doc, 'section', { class: 'contacts', attrs: { 'aria-labelledby': 'contacts-title' } }, [
    h(doc, headingLevel, { attrs: { id: 'contacts-title' }, text: t('contactsTitle', lang) }),
    hasAny(admin) ? contactBlock(doc, admin as Contact, t('contactAdmin', lang), lang, 'admin') : h(doc, 'p', { class: 'contact-none', text: t('contactNone', lang) }),
    hasAny(after) ? contactBlock(doc, after as Contact, t('afterHoursContact', lang), lang, 'after-hours') : null,
    h(doc, 'p', { class: 'portal' }, [
      h(doc, 'a', {
        attrs: { href: INCIDENT_PORTAL_URL, target: '_blank', rel: 'noopener noreferrer' },
        text: t('contactPortal', lang),
      }),
    ]),
  ]);
}

function contactBlock(doc: Document, contact: Contact, label: string, lang: UiLang, kind: string): HTMLElement {
  const tel = telHref(contact.phone);
  // Phone first: calling is the fastest help for a nurse with a suspicious mail open.
  return h(doc, 'div', { class: `contact ${kind}` }, [
    contact.phone
      ? h(doc, 'p', { class: 'phone' }, [
          `${t('phone', lang)}: `,
          tel ? h(doc, 'a', { class: 'tel', attrs: { href: tel }, text: contact.phone }) : contact.phone,
        ])
      : null,
    h(doc, 'p', { class: 'contact-label' }, [label, contact.name ? `: ${contact.name}` : '']),
    contact.hours ? h(doc, 'p', { class: 'hours', text: `${t('hours', lang)}: ${contact.hours}` }) : null,
    contact.email ? h(doc, 'p', { class: 'email', text: `${t('email', lang)}: ${contact.email}` }) : null,
  ]);
}

/** Whether a contact has anything to show (policy may carry an empty object). */
export function hasAny(contact: Contact | undefined): boolean {
  return !!contact && !!(contact.name || contact.phone || contact.email || contact.hours);
}
