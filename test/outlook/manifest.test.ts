/**
 * Offline checks of both add-in manifests (office-addin-manifest's validator calls an online
 * service, so it is not used): well-formed XML, elements in the order the schema requires,
 * https URLs only, unique ids, every resid resolving to a resource of the right kind, every
 * string in Japanese (default) and English, icons present at the referenced paths with the
 * declared size, ReadItem as the only permission.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MANIFESTS, SOURCE_BASE_URL, renderManifest, resolveBaseUrl } from '../../outlook-addin/vite.config';
import { NOTICE_ICON_ID, PANE_COMMAND_ID } from '../../outlook-addin/mailbox/mailbox-host';
import { SPAM_REPORT_OPTIONS } from '../../outlook-addin/commands/spam-report-plan';
import { childElements, descendants, inSchemaOrder, readXml, type XmlElement } from './xml-tree';

const ADDIN = fileURLToPath(new URL('../../outlook-addin/', import.meta.url));
const source = (name: string): string => readFileSync(`${ADDIN}${name}`, 'utf8');

/** Child order of the add-in only manifest schemas (OfficeApp 1.1 MailApp, VersionOverrides 1.1). */
const ORDER: Record<string, { order: string[]; required: string[] }> = {
  OfficeApp: {
    order: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'Dictionary', 'VersionOverrides'],
    required: ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'FormSettings', 'Permissions', 'Rule'],
  },
  VersionOverridesV1_1: { order: ['Description', 'Requirements', 'Hosts', 'Resources'], required: ['Hosts', 'Resources'] },
  Host: { order: ['Runtimes', 'DesktopFormFactor', 'MobileFormFactor'], required: ['DesktopFormFactor'] },
  DesktopFormFactor: { order: ['SupportsSharedFolders', 'FunctionFile', 'ExtensionPoint'], required: ['FunctionFile', 'ExtensionPoint'] },
  Control: { order: ['Label', 'Supertip', 'Icon', 'Action'], required: ['Label', 'Supertip', 'Icon', 'Action'] },
  MobileButton: { order: ['Label', 'Icon', 'Action'], required: ['Label', 'Icon', 'Action'] },
  MobileFormFactor: { order: ['FunctionFile', 'ExtensionPoint'], required: ['ExtensionPoint'] },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  Resources: { order: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'], required: ['bt:Images', 'bt:Urls', 'bt:ShortStrings'] },
  ReportPhishingCustomization: { order: ['Control', 'PreProcessingDialog', 'SourceLocation'], required: ['Control', 'PreProcessingDialog', 'SourceLocation'] },
  PreProcessingDialog: { order: ['Title', 'Description', 'NeverShowAgainOption', 'ReportingOptions', 'FreeTextLabel', 'MoreInfo'], required: ['Title', 'Description'] },
  MoreInfo: { order: ['MoreInfoText', 'MoreInfoUrl'], required: ['MoreInfoText', 'MoreInfoUrl'] },
  ShowTaskpane: { order: ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning'], required: ['SourceLocation'] },
};

function orderKey(e: XmlElement): string | undefined {
  if (e.name === 'VersionOverrides') return e.attrs['xsi:type'] === 'VersionOverridesV1_1' ? 'VersionOverridesV1_1' : undefined;
  if (e.name === 'Control' && e.attrs['xsi:type'] === 'MobileButton') return 'MobileButton';
  if (e.name === 'Action') return e.attrs['xsi:type'] === 'ShowTaskpane' ? 'ShowTaskpane' : undefined;
  // <Host Name="Mailbox"/> in the base manifest is a different element from the MailHost override.
  if (e.name === 'Host') return e.attrs['xsi:type'] === 'MailHost' ? 'Host' : undefined;
  return ORDER[e.name] ? e.name : undefined;
}

/** Which resource list a resid must point into, by the referencing element. */
function residKind(e: XmlElement): 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings' {
  if (e.name === 'bt:Image') return 'bt:Images';
  if (['SourceLocation', 'FunctionFile', 'Runtime', 'Override', 'MoreInfoUrl'].includes(e.name)) return 'bt:Urls';
  if (e.name === 'Description') return 'bt:LongStrings';
  return 'bt:ShortStrings';
}

function pngSize(path: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Where a URL under the sideloading base comes from in the source tree. */
function sourceFileFor(url: string): string | undefined {
  const path = url.slice(SOURCE_BASE_URL.length + 1);
  if (path === 'taskpane.html') return `${ADDIN}taskpane.html`;
  if (path === 'commands-runtime.js') return `${ADDIN}commands/commands-runtime.ts`;
  return `${ADDIN}public/${path}`;
}

for (const name of MANIFESTS) {
  describe(name, () => {
    const text = source(name);
    const { root, errors } = readXml(text);

    it('is well-formed XML with an OfficeApp MailApp root', () => {
      expect(errors).toEqual([]);
      expect(root?.name).toBe('OfficeApp');
      expect(root?.attrs['xsi:type']).toBe('MailApp');
      expect(root?.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    });

    it('has the required elements, in schema order', () => {
      const problems: string[] = [];
      for (const e of [root!, ...descendants(root!)]) {
        const key = orderKey(e);
        if (!key) continue;
        const rule = ORDER[key]!;
        const names = childElements(e).map((c) => c.name);
        if (!inSchemaOrder(names, rule.order)) problems.push(`${key}: ${names.join(', ')}`);
        for (const required of rule.required) if (!names.includes(required)) problems.push(`${key}: missing ${required}`);
      }
      expect(problems).toEqual([]);
    });

    it('asks only for ReadItem and runs on messages in read mode', () => {
      const permissions = childElements(root!, 'Permissions');
      expect(permissions.map((p) => p.text.trim())).toEqual(['ReadItem']);
      const rules = descendants(root!, 'Rule').filter((r) => r.attrs['xsi:type'] === 'ItemIs');
      expect(rules.map((r) => [r.attrs.ItemType, r.attrs.FormType])).toEqual([['Message', 'Read']]);
    });

    it('uses only https URLs', () => {
      const urls = descendants(root!)
        .flatMap((e) => [e.attrs.DefaultValue, e.name === 'Override' || e.name === 'bt:Override' ? e.attrs.Value : undefined])
        .filter((v): v is string => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(v));
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(new URL(url).protocol, url).toBe('https:');
      for (const e of descendants(root!, 'SourceLocation').filter((s) => s.attrs.DefaultValue)) expect(e.attrs.DefaultValue).toMatch(/^https:\/\//);
    });

    it('has a GUID id and unique element ids', () => {
      expect(childElements(root!, 'Id')[0]?.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ids = descendants(root!).map((e) => e.attrs.id).filter((id): id is string => id !== undefined);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('resolves every resid to a resource of the right kind, and uses every resource', () => {
      const resources = descendants(root!, 'Resources')[0]!;
      const defined = new Map<string, string>();
      for (const list of childElements(resources)) for (const entry of childElements(list)) defined.set(entry.attrs.id ?? '', list.name);
      const used = new Set<string>();
      const problems: string[] = [];
      for (const e of descendants(root!).filter((x) => x.attrs.resid !== undefined)) {
        const resid = e.attrs.resid!;
        used.add(resid);
        const kind = residKind(e);
        if (defined.get(resid) !== kind) problems.push(`${e.name} resid=${resid}: expected in ${kind}, found ${defined.get(resid) ?? 'nowhere'}`);
      }
      for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource ${id} is never used`);
      expect(problems).toEqual([]);
    });

    it('has every string in Japanese (default) and English, within Outlook length limits', () => {
      expect(childElements(root!, 'DefaultLocale')[0]?.text).toBe('ja-JP');
      const strings = [
        ...childElements(root!, 'DisplayName'),
        ...childElements(root!, 'Description'),
        ...descendants(root!, 'bt:String'),
      ];
      const problems: string[] = [];
      for (const s of strings) {
        const label = s.attrs.id ?? s.name;
        const ja = s.attrs.DefaultValue ?? '';
        const overrides = childElements(s).filter((o) => o.attrs.Locale === 'en-US');
        if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(ja)) problems.push(`${label}: default is not Japanese`);
        if (overrides.length !== 1 || !(overrides[0]!.attrs.Value ?? '').trim()) problems.push(`${label}: no en-US override`);
        const max = s.parent?.name === 'bt:LongStrings' || s.name === 'Description' ? 250 : 125;
        for (const value of [ja, overrides[0]?.attrs.Value ?? '']) if (value.length > max) problems.push(`${label}: longer than ${max}`);
      }
      expect(problems).toEqual([]);
    });

    it('has every referenced icon and page in the source tree; icons are PNGs of the declared size', () => {
      const problems: string[] = [];
      const images = new Map(descendants(root!, 'bt:Image').filter((i) => i.attrs.id).map((i) => [i.attrs.id!, i.attrs.DefaultValue ?? '']));
      const expectSize = (url: string, size: number): void => {
        const file = sourceFileFor(url);
        const png = file && existsSync(file) ? pngSize(file) : undefined;
        if (!png) problems.push(`${url}: no PNG at ${file}`);
        else if (png.width !== size || png.height !== size) problems.push(`${url}: ${png.width}x${png.height}, expected ${size}`);
      };
      // Mobile icons give a size in points and a scale: the file has size × scale pixels.
      for (const ref of descendants(root!, 'bt:Image').filter((i) => i.attrs.resid)) expectSize(images.get(ref.attrs.resid!) ?? '', Number(ref.attrs.size) * Number(ref.attrs.scale ?? 1));
      expectSize(childElements(root!, 'IconUrl')[0]?.attrs.DefaultValue ?? '', 64);
      expectSize(childElements(root!, 'HighResolutionIconUrl')[0]?.attrs.DefaultValue ?? '', 128);
      for (const url of descendants(root!, 'bt:Url').map((u) => u.attrs.DefaultValue ?? '').concat(descendants(root!, 'SourceLocation').map((s) => s.attrs.DefaultValue ?? '').filter(Boolean))) {
        if (!url.startsWith(`${SOURCE_BASE_URL}/`)) continue;
        const file = sourceFileFor(url);
        if (!file || !existsSync(file)) problems.push(`${url}: missing ${file}`);
      }
      expect(problems).toEqual([]);
    });

    it('keeps button and group labels within 32 characters (Outlook cuts or rejects longer ones)', () => {
      const strings = new Map(descendants(root!, 'bt:String').map((x) => [x.attrs.id, x]));
      const labels = descendants(root!, 'Label').map((l) => strings.get(l.attrs.resid));
      expect(labels.length).toBeGreaterThan(0);
      for (const s of labels) {
        expect(s, 'label resource').toBeDefined();
        for (const value of [s!.attrs.DefaultValue ?? '', childElements(s!)[0]?.attrs.Value ?? '']) expect(value.length, value).toBeLessThanOrEqual(32);
      }
    });

    it('offers the pane on Outlook mobile too (MobileButton)', () => {
      const mobile = descendants(root!, 'Control').filter((c) => c.attrs['xsi:type'] === 'MobileButton');
      expect(mobile).toHaveLength(1);
      expect(descendants(mobile[0]!, 'Action')[0]?.attrs['xsi:type']).toBe('ShowTaskpane');
      expect(descendants(mobile[0]!, 'bt:Image').map((i) => `${i.attrs.size}@${i.attrs.scale}`).sort()).toEqual(
        ['25@1', '25@2', '25@3', '32@1', '32@2', '32@3', '48@1', '48@2', '48@3'].sort(),
      );
    });

    it('has a pinnable task pane button whose id the notification action uses', () => {
      const button = descendants(root!, 'Control').find((c) => descendants(c, 'Action').some((a) => a.attrs['xsi:type'] === 'ShowTaskpane'));
      expect(button?.attrs.id).toBe(PANE_COMMAND_ID);
      expect(descendants(button!, 'SupportsPinning')[0]?.text).toBe('true');
      expect(descendants(root!, 'bt:Image').some((i) => i.attrs.id === NOTICE_ICON_ID)).toBe(true);
    });
  });
}

describe('manifest-report-phishing.xml', () => {
  const { root } = readXml(source('manifest-report-phishing.xml'));
  it('adds the integrated Report button with an ExecuteFunction action and the JavaScript runtime override', () => {
    const surface = descendants(root!, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'ReportPhishingCommandSurface');
    expect(surface).toBeDefined();
    expect(descendants(surface!, 'FunctionName')[0]?.text).toBe('onSpamReport');
    const runtime = descendants(root!, 'Runtime')[0];
    const sourceLocation = childElements(descendants(surface!, 'ReportPhishingCustomization')[0]!, 'SourceLocation')[0];
    expect(sourceLocation?.attrs.resid).toBe(runtime?.attrs.resid);
    expect(childElements(runtime!, 'Override')[0]?.attrs.type).toBe('javascript');
  });

  it('lists the reporting options in the order the handler reads them, with the same words', () => {
    const strings = new Map(descendants(root!, 'bt:String').map((s) => [s.attrs.id, s]));
    const options = descendants(root!, 'Option').map((o) => o.attrs.resid);
    expect(options).toEqual(SPAM_REPORT_OPTIONS.map((o) => o.resid));
    expect(options.length).toBeLessThanOrEqual(5);
    for (const option of SPAM_REPORT_OPTIONS) {
      const s = strings.get(option.resid)!;
      expect(s.attrs.DefaultValue).toBe(option.ja);
      expect(childElements(s)[0]?.attrs.Value).toBe(option.en);
    }
  });

  it('is a different add-in from manifest.xml (its own id)', () => {
    const main = readXml(source('manifest.xml')).root!;
    expect(childElements(root!, 'Id')[0]?.text).not.toBe(childElements(main, 'Id')[0]?.text);
  });
});

describe('build-time host', () => {
  it('rewrites every source location to the hospital host and nothing else', () => {
    for (const name of MANIFESTS) {
      const out = renderManifest(source(name), 'https://mailguard.hospital.example.jp/outlook', '1.2.3');
      expect(out).not.toContain(SOURCE_BASE_URL);
      expect(out).toContain('<Version>1.2.3.0</Version>');
      const { root, errors } = readXml(out);
      expect(errors).toEqual([]);
      const urls = descendants(root!).map((e) => e.attrs.DefaultValue ?? '').filter((v) => v.startsWith('https://'));
      const own = urls.filter((u) => u.startsWith('https://mailguard.hospital.example.jp/outlook/'));
      // Only the incident help desk and nothing else may point elsewhere.
      expect(urls.filter((u) => !own.includes(u))).toEqual([]);
    }
  });

  it('accepts only https base URLs without query, fragment or credentials', () => {
    expect(resolveBaseUrl(undefined)).toBe('https://localhost:3000');
    expect(resolveBaseUrl(' https://mailguard.example.jp/outlook/ ')).toBe('https://mailguard.example.jp/outlook');
    for (const bad of ['http://mailguard.example.jp', 'https://u:p@mailguard.example.jp', 'https://mailguard.example.jp/?a=1', 'https://mailguard.example.jp/#x', 'not a url', 'javascript:alert(1)']) {
      expect(() => resolveBaseUrl(bad), bad).toThrow();
    }
  });
});

describe('the strict XML reader used above', () => {
  const decl = '<?xml version="1.0" encoding="UTF-8"?>';
  it.each([
    ['an unclosed element', `${decl}<a><b></a>`],
    ['a stray end tag', `${decl}<a></b></a>`],
    ['a duplicate attribute', `${decl}<a x="1" x="2"/>`],
    ['an unknown entity', `${decl}<a>&nbsp;</a>`],
    ['two roots', `${decl}<a/><b/>`],
    ['no declaration', '<a/>'],
  ])('rejects %s', (_, xml) => {
    expect(readXml(xml).errors.length).toBeGreaterThan(0);
  });
  it('accepts self-closing elements and character references', () => {
    expect(readXml(`${decl}<a><b/><c x="&amp;&#12354;">t</c></a>`).errors).toEqual([]);
  });
});
