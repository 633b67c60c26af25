/**
 * The language of an extension page: the user's override from local settings when set, else
 * the browser's UI language. Reads storage only; never writes.
 */
import { browser } from 'wxt/browser';
import { uiLangOf, type UiLang } from '../texts';
import { LOCAL_SETTINGS_KEY } from './storage-keys';

export async function pageLang(hint?: string): Promise<UiLang> {
  if (hint === 'ja' || hint === 'en') return hint;
  try {
    const stored = await browser.storage.local.get(LOCAL_SETTINGS_KEY);
    const lang = (stored[LOCAL_SETTINGS_KEY] as { lang?: unknown } | undefined)?.lang;
    if (lang === 'ja' || lang === 'en') return lang;
  } catch {
    // Storage unavailable: fall back to the browser language.
  }
  return uiLangOf(browser.i18n?.getUILanguage?.());
}

/** Sets <html lang> and the document title for a page. */
export function applyPageLang(doc: Document, lang: UiLang, title: string): void {
  doc.documentElement.lang = lang;
  doc.title = title;
}
