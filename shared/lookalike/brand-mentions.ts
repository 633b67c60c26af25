/**
 * Finds protected names mentioned in text (display names, subjects, link text, bodies), in any
 * width and case and through confusable spellings (`Ｍｉｃｒｏｓｏｆｔ`, `РayPal` with Cyrillic Р).
 * Built once per name list and reused: one Aho–Corasick automaton over confusable skeletons, so
 * a search is linear in the text. Latin names must stand as words (`au` is not in `author`,
 * `line` not in `online`); Japanese names need no boundary. Bounded by `maxChars`; never throws.
 */
import type { BrandMention, ProtectedName } from './types';
import { skeleton } from './skeleton';

export interface BrandFindOptions {
  /**
   * Also report `weakNames` (generic words such as `au`, `Apple`); use for display names,
   * subjects and link text, not for body text.
   * @default false
   */
  includeWeak?: boolean;
  /**
   * Only the first `maxChars` characters of the text are searched.
   * @default 100000
   */
  maxChars?: number;
}

export interface BrandMatcher {
  /** Each brand at most once, in order of first mention; a strong name wins over a weak one. */
  find(text: string, options?: BrandFindOptions): BrandMention[];
}

const DEFAULT_MAX_CHARS = 100_000;

interface Pattern {
  brand: ProtectedName;
  /** The name as written in the list, reported as `matched`. */
  name: string;
  length: number;
  weak: boolean;
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The form text and names are compared in: confusable skeleton with whitespace runs as one space. */
export function normaliseForBrandSearch(text: string): string {
  // ™ ® © ℠ become letters under NFKC ("McAfee™" → "mcafeetm") and would hide the name.
  return skeleton(text.replace(/[\u2122\u00AE\u00A9\u2120]/g, ' ')).replace(/\s+/g, ' ');
}

export function createBrandMatcher(names: readonly ProtectedName[]): BrandMatcher {
  const patterns: Pattern[] = [];
  // Automaton: goto transitions, failure links and the patterns ending at each state.
  const transitions: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  const fail: number[] = [0];

  const addPattern = (brand: ProtectedName, name: string, weak: boolean) => {
    const normalised = normaliseForBrandSearch(name).trim();
    if (normalised.length < 2) return;
    let state = 0;
    for (let i = 0; i < normalised.length; i++) {
      const code = normalised.charCodeAt(i);
      const row = transitions[state] as Map<number, number>;
      let next = row.get(code);
      if (next === undefined) {
        next = transitions.length;
        transitions.push(new Map());
        outputs.push([]);
        fail.push(0);
        row.set(code, next);
      }
      state = next;
    }
    patterns.push({
      brand,
      name,
      length: normalised.length,
      weak,
      boundaryBefore: isWordCode(normalised.charCodeAt(0)),
      boundaryAfter: isWordCode(normalised.charCodeAt(normalised.length - 1)),
    });
    (outputs[state] as number[]).push(patterns.length - 1);
  };

  for (const brand of names) {
    const weak = new Set(brand.weakNames ?? []);
    for (const name of brand.names) if (!weak.has(name)) addPattern(brand, name, false);
    for (const name of weak) addPattern(brand, name, true);
  }

  // Breadth-first failure links; outputs are merged along them so the search needs no chain walk.
  const queue: number[] = [];
  for (const next of (transitions[0] as Map<number, number>).values()) queue.push(next);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    for (const [code, next] of transitions[state] as Map<number, number>) {
      queue.push(next);
      let f = fail[state] as number;
      while (f !== 0 && !(transitions[f] as Map<number, number>).has(code)) f = fail[f] as number;
      const target = (transitions[f] as Map<number, number>).get(code);
      fail[next] = target !== undefined && target !== next ? target : 0;
      (outputs[next] as number[]).push(...(outputs[fail[next] as number] as number[]));
    }
  }

  // Most characters of a text start no name: a flat table for the root state makes them one array read.
  const rootNext = new Int32Array(0x10000);
  for (const [code, next] of transitions[0] as Map<number, number>) rootNext[code] = next;

  return {
    find(text: string, options: BrandFindOptions = {}): BrandMention[] {
      if (typeof text !== 'string' || text === '' || patterns.length === 0) return [];
      const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
      const includeWeak = options.includeWeak ?? false;
      let normalised: string;
      try {
        normalised = normaliseForBrandSearch(text.length > maxChars ? text.slice(0, maxChars) : text);
      } catch {
        return [];
      }
      const found: BrandMention[] = [];
      // Brand id → its entry in `found` and whether that entry is only a weak name: a strong
      // name found later ("イオンカード" after "イオン" ended inside it) replaces the weak one.
      const seen = new Map<string, { at: number; weak: boolean }>();
      let state = 0;
      for (let i = 0; i < normalised.length; i++) {
        const code = normalised.charCodeAt(i);
        if (state !== 0) {
          let next = (transitions[state] as Map<number, number>).get(code);
          while (next === undefined && state !== 0) {
            state = fail[state] as number;
            next = state === 0 ? undefined : (transitions[state] as Map<number, number>).get(code);
          }
          state = next ?? rootNext[code] ?? 0;
        } else {
          state = rootNext[code] ?? 0;
          if (state === 0) continue;
        }
        const ending = outputs[state] as number[];
        if (ending.length === 0) continue;
        for (const index of ending) {
          const pattern = patterns[index] as Pattern;
          if (pattern.weak && !includeWeak) continue;
          const prior = seen.get(pattern.brand.id);
          if (prior && (!prior.weak || pattern.weak)) continue;
          const start = i - pattern.length + 1;
          if (pattern.boundaryBefore && start > 0 && isWordCode(normalised.charCodeAt(start - 1))) continue;
          if (pattern.boundaryAfter && i + 1 < normalised.length && isWordCode(normalised.charCodeAt(i + 1))) continue;
          if (prior) {
            found[prior.at] = { brand: pattern.brand, matched: pattern.name };
            prior.weak = false;
            continue;
          }
          seen.set(pattern.brand.id, { at: found.length, weak: pattern.weak });
          found.push({ brand: pattern.brand, matched: pattern.name });
        }
      }
      return found;
    },
  };
}
