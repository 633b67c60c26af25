/**
 * A small strict reader for the add-in manifests in tests: htmlparser2 in xmlMode builds the
 * tree, and the checks a lenient tokenizer skips are added on top — every element closed in
 * order, no stray end tags, no duplicate attributes, only the five XML entities or character
 * references, one root element, the XML declaration first.
 */
import { Parser } from 'htmlparser2';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

export interface XmlReadResult {
  root?: XmlElement;
  errors: string[];
}

export function readXml(source: string): XmlReadResult {
  const errors: string[] = [];
  if (!source.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) errors.push('XML declaration missing or not first');
  const withoutComments = source.replace(/<!--[\s\S]*?-->/g, '');
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(withoutComments);
  if (badAmp) errors.push(`unescaped & at ${badAmp.index}`);
  if (/--/.test(source.replace(/<!--([\s\S]*?)-->/g, (_, body: string) => (body.includes('--') ? '--' : '')))) errors.push('"--" inside a comment');

  const roots: XmlElement[] = [];
  const stack: { element: XmlElement; selfClosing: boolean }[] = [];
  let attrNames = new Set<string>();
  let explicitCloses = 0;
  const parser: Parser = new Parser(
    {
      onattribute(name) {
        if (attrNames.has(name)) errors.push(`duplicate attribute ${name}`);
        attrNames.add(name);
      },
      onopentag(name, attrs) {
        attrNames = new Set();
        const raw = source.slice(parser.startIndex, parser.endIndex + 1);
        const parent = stack[stack.length - 1]?.element;
        const element: XmlElement = { name, attrs: { ...attrs }, children: [], text: '', ...(parent ? { parent } : {}) };
        if (parent) parent.children.push(element);
        else roots.push(element);
        stack.push({ element, selfClosing: raw.endsWith('/>') });
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.element.text += text;
        else if (text.trim() !== '') errors.push('text outside the root element');
      },
      onclosetag(name, isImplied) {
        const top = stack.pop();
        if (!top || top.element.name !== name) errors.push(`end tag </${name}> does not match`);
        else if (isImplied && !top.selfClosing) errors.push(`<${name}> is not closed`);
        if (!isImplied) explicitCloses++;
      },
    },
    { xmlMode: true },
  );
  parser.write(source);
  parser.end();
  const endTags = (withoutComments.match(/<\/[A-Za-z_][\w:.-]*\s*>/g) ?? []).length;
  if (endTags !== explicitCloses) errors.push(`${endTags - explicitCloses} stray end tag(s)`);
  if (roots.length !== 1) errors.push(`${roots.length} root elements`);
  return { ...(roots[0] ? { root: roots[0] } : {}), errors };
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return name === undefined ? element.children : element.children.filter((c) => c.name === name);
}

export function descendants(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (name === undefined || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}

/** Whether `actual` follows the order of `schemaOrder` (a subsequence, repeats allowed). */
export function inSchemaOrder(actual: readonly string[], schemaOrder: readonly string[]): boolean {
  let position = 0;
  for (const name of actual) {
    const index = schemaOrder.indexOf(name, position);
    if (index < 0) return false;
    position = index;
  }
  return true;
}
