/**
 * Multi-term literal search (Aho–Corasick): one pass over the text finds every listed phrase,
 * so the cost stays linear in the text whatever the size of the lexicons. Terms and text are
 * compared after `normalizeForMatch` (NFKC, lower case, whitespace runs as one space, invisible
 * characters and accents on Latin letters removed), so full-width and half-width forms, and
 * "Cāsino" and "casino", match alike. Never uses regexes over
 * mail text.
 */

export interface TermEntry<T> {
  term: string;
  tag: T;
}

export interface TermHit<T> {
  tag: T;
  term: string;
  /** Offset (UTF-16 code units) of the first character of the hit in the normalised text. */
  start: number;
}

export interface TermMatcher<T> {
  /** All hits, at most `maxHits` (default 200), in text order. */
  find(normalisedText: string, maxHits?: number): TermHit<T>[];
  /** The set of tags that occur at least once. */
  tags(normalisedText: string): Set<T>;
}

// Invisible characters that mail uses to break words apart for filters but the reader never sees.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;
const SPACES = /[\s\u3000]+/g;

// Accents on Latin letters: spam writes "Cāsino" and "Pāypal" to slip past word lists.
const LATIN_ACCENT = /([A-Za-z])[\u0300-\u036F]+/g;

/**
 * NFKC, lower case, invisible characters dropped, accents on Latin letters dropped, whitespace
 * runs collapsed to one space. Japanese is untouched (dakuten and handakuten are kept).
 */
export function normalizeForMatch(text: string): string {
  let t = text;
  try {
    t = t.normalize('NFKC');
    if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(t)) t = t.normalize('NFD').replace(LATIN_ACCENT, '$1').normalize('NFC');
  } catch {
    // Lone surrogates are fine for normalize in V8, but stay defensive: keep the raw text.
  }
  return t.replace(INVISIBLE, '').toLowerCase().replace(SPACES, ' ');
}

/** Counts invisible formatting characters (zero-width, bidi controls, soft hyphen …). */
export function countInvisible(text: string): number {
  let n = 0;
  INVISIBLE.lastIndex = 0;
  for (const _ of text.matchAll(INVISIBLE)) n++;
  return n;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  out: number[];
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

export function createTermMatcher<T>(entries: readonly TermEntry<T>[]): TermMatcher<T> {
  const terms = entries.map((e) => ({ term: normalizeForMatch(e.term).trim(), tag: e.tag })).filter((e) => e.term.length > 0);
  // The automaton walks UTF-16 code units: no per-character strings are allocated while searching.
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  terms.forEach((entry, index) => {
    let cur = 0;
    for (let i = 0; i < entry.term.length; i++) {
      const code = entry.term.charCodeAt(i);
      let nxt = nodes[cur]!.next.get(code);
      if (nxt === undefined) {
        nxt = nodes.length;
        nodes.push({ next: new Map(), fail: 0, out: [] });
        nodes[cur]!.next.set(code, nxt);
      }
      cur = nxt;
    }
    nodes[cur]!.out.push(index);
  });
  // Breadth-first failure links; outputs are merged so a hit reports every term ending there.
  const queue: number[] = [];
  for (const child of nodes[0]!.next.values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi]!;
    for (const [code, v] of nodes[u]!.next) {
      let f = nodes[u]!.fail;
      while (f !== 0 && !nodes[f]!.next.has(code)) f = nodes[f]!.fail;
      const target = nodes[f]!.next.get(code);
      nodes[v]!.fail = target !== undefined && target !== v ? target : 0;
      nodes[v]!.out = nodes[v]!.out.concat(nodes[nodes[v]!.fail]!.out);
      queue.push(v);
    }
  }
  // Latin terms must match whole words ("au" is not inside "auto"); CJK terms match anywhere.
  const boundedStart = terms.map((e) => isWordCode(e.term.charCodeAt(0)));
  const boundedEnd = terms.map((e) => isWordCode(e.term.charCodeAt(e.term.length - 1)));
  const termLength = terms.map((e) => e.term.length);

  function find(text: string, maxHits = 200): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    let cur = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      let next = nodes[cur]!.next.get(code);
      while (next === undefined && cur !== 0) {
        cur = nodes[cur]!.fail;
        next = nodes[cur]!.next.get(code);
      }
      cur = next ?? 0;
      const out = nodes[cur]!.out;
      for (let k = 0; k < out.length; k++) {
        const idx = out[k]!;
        const start = i - termLength[idx]! + 1;
        if (boundedStart[idx] && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
        if (boundedEnd[idx] && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) continue;
        hits.push({ tag: terms[idx]!.tag, term: terms[idx]!.term, start });
        if (hits.length >= maxHits) return hits;
      }
    }
    return hits;
  }

  return {
    find,
    tags(text) {
      const set = new Set<T>();
      for (const h of find(text, 1000)) set.add(h.tag);
      return set;
    },
  };
}
