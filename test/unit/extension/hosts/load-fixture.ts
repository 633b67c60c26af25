/**
 * Loads a dated DOM fixture into a happy-dom document whose URL is the page the fixture
 * stands for (its `<meta name="kokoroe-fixture-url">`), so adapters see `document.URL` as
 * they would in the webmail. Parsing goes through DOMParser: no markup is written into a live
 * document.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURE_ROOT = join(import.meta.dirname, '../../../fixtures/dom');

export function fixtureUrl(html: string): string {
  const probe = new Window().document;
  const doc = new (probe.defaultView as unknown as typeof globalThis).DOMParser().parseFromString(html, 'text/html');
  return doc.querySelector('meta[name="kokoroe-fixture-url"]')?.getAttribute('content') ?? 'https://invalid.test/';
}

/** `url` overrides the fixture's own page address (to test what an adapter does without it). */
export function loadFixture(provider: string, file: string, url?: string): Document {
  const html = readFileSync(join(FIXTURE_ROOT, provider, file), 'utf8');
  const window = new Window({ url: url ?? fixtureUrl(html) });
  return new (window as unknown as typeof globalThis).DOMParser().parseFromString(html, 'text/html');
}

export function fixtureFiles(provider: string): string[] {
  return readdirSync(join(FIXTURE_ROOT, provider)).filter((f) => f.endsWith('.html')).sort();
}
