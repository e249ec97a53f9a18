/**
 * A strict, bounded reader for small XML documents fetched from the network (mail autoconfig files).
 *
 * Why not a general XML parser: the document comes from a server we do not control, and the classic XML
 * attacks live in the parts a config file never needs. So a document type declaration (`<!DOCTYPE`, and with
 * it every `<!ENTITY`) is refused outright (no "billion laughs" expansion, no external entity reads); only
 * the five predefined entities and character references of XML 1.0 section 4.6 and 4.1 are understood; and
 * size, depth, element count and text length are capped. Anything outside this is a refusal with a reason,
 * never an exception.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its children's), entity references replaced, trimmed. */
  readonly text: string;
}

export interface XmlLimits {
  readonly maxChars: number;
  readonly maxDepth: number;
  readonly maxElements: number;
  /** Longest text or attribute value kept. */
  readonly maxTextChars: number;
}

export type XmlReadResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly reason: string };

/** Generous for a config file (Thunderbird's largest ISPDB entries nest 5 deep, with tens of elements). */
export const AUTOCONFIG_XML_LIMITS: XmlLimits = {
  maxChars: 65_536,
  maxDepth: 12,
  maxElements: 1_000,
  maxTextChars: 1_024,
};

/** XML 1.0 section 4.6: the only entities a document without a DTD may use. */
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /^([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/;

interface OpenElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

class Refusal extends Error {}

/** Read `source` into an element tree, or say why it is refused. */
export function readBoundedXml(source: string, limits: XmlLimits = AUTOCONFIG_XML_LIMITS): XmlReadResult {
  if (source.length > limits.maxChars) {
    return { ok: false, reason: `The file is longer than ${String(limits.maxChars)} characters.` };
  }
  try {
    return { ok: true, root: parse(source.replace(/^\uFEFF/, ''), limits) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

function parse(source: string, limits: XmlLimits): XmlElement {
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let at = 0;

  const refuse = (why: string): never => {
    throw new Refusal(why);
  };

  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > at) {
      const raw = source.slice(at, textEnd);
      const top = stack.at(-1);
      if (top === undefined) {
        if (raw.trim() !== '') refuse('There is text outside the root element.');
      } else {
        top.text = appendText(top.text, decode(raw, refuse), limits, refuse);
      }
    }
    if (lt === -1) break;
    at = lt;

    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4);
      if (end === -1) refuse('A comment is not closed.');
      at = end + 3;
    } else if (source.startsWith('<![CDATA[', at)) {
      const end = source.indexOf(']]>', at + 9);
      if (end === -1) refuse('A CDATA section is not closed.');
      const top = stack.at(-1) ?? refuse('A CDATA section is outside the root element.');
      top.text = appendText(top.text, source.slice(at + 9, end), limits, refuse);
      at = end + 3;
    } else if (source.startsWith('<!', at)) {
      // <!DOCTYPE, <!ENTITY, <!ELEMENT...: a config file has no use for a DTD, and entities are how XML
      // documents expand without bound or read local files.
      refuse('The file declares a document type or entities (<!DOCTYPE or <!ENTITY>); that is refused.');
    } else if (source.startsWith('<?', at)) {
      const end = source.indexOf('?>', at + 2);
      if (end === -1) refuse('A processing instruction is not closed.');
      at = end + 2;
    } else if (source.startsWith('</', at)) {
      const name = NAME.exec(source.slice(at + 2))?.[0] ?? refuse('A closing tag has no name.');
      const end = source.indexOf('>', at + 2 + name.length);
      if (end === -1 || source.slice(at + 2 + name.length, end).trim() !== '') {
        refuse(`The closing tag </${short(name)}> is malformed.`);
      }
      const open = stack.pop() ?? refuse(`</${short(name)}> closes nothing.`);
      if (open.name !== name) refuse(`</${short(name)}> closes <${short(open.name)}>.`);
      const element: XmlElement = {
        name: open.name,
        attributes: open.attributes,
        children: open.children,
        text: open.text.trim(),
      };
      const parent = stack.at(-1);
      if (parent === undefined) root = element;
      else parent.children.push(element);
      at = end + 1;
    } else {
      if (root !== undefined) refuse('There is a second root element.');
      const name = NAME.exec(source.slice(at + 1))?.[0] ?? refuse('A tag has no valid name.');
      elements += 1;
      if (elements > limits.maxElements) {
        refuse(`The file has more than ${String(limits.maxElements)} elements.`);
      }
      if (stack.length + 1 > limits.maxDepth) {
        refuse(`Elements are nested deeper than ${String(limits.maxDepth)} levels.`);
      }
      let cursor = at + 1 + name.length;
      const attributes: Record<string, string> = {};
      for (;;) {
        const rest = source.slice(cursor, cursor + limits.maxTextChars + 256);
        const space = /^\s*/.exec(rest)?.[0].length ?? 0;
        const after = rest.slice(space);
        if (after.startsWith('/>') || after.startsWith('>')) {
          const selfClosing = after.startsWith('/>');
          cursor += space + (selfClosing ? 2 : 1);
          const open: OpenElement = { name, attributes, children: [], text: '' };
          if (selfClosing) {
            const element: XmlElement = { name, attributes, children: [], text: '' };
            const parent = stack.at(-1);
            if (parent === undefined) root = element;
            else parent.children.push(element);
          } else {
            stack.push(open);
          }
          break;
        }
        const match = space > 0 ? ATTRIBUTE.exec(after) : null;
        if (match === null) refuse(`The tag <${short(name)}> is malformed.`);
        const [whole, attribute = '', double, single] = match ?? [];
        if (Object.hasOwn(attributes, attribute)) {
          refuse(`The tag <${short(name)}> repeats the attribute ${short(attribute)}.`);
        }
        attributes[attribute] = appendText('', decode(double ?? single ?? '', refuse), limits, refuse);
        cursor += space + (whole?.length ?? 0);
      }
      at = cursor;
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed !== undefined) refuse(`<${short(unclosed.name)}> is not closed.`);
  return root ?? refuse('The file has no root element.');
}

function appendText(text: string, more: string, limits: XmlLimits, refuse: (why: string) => never): string {
  const joined = text + more;
  if (joined.trim().length > limits.maxTextChars) {
    refuse(`A text is longer than ${String(limits.maxTextChars)} characters.`);
  }
  return joined;
}

/** XML 1.0 sections 4.1 and 4.6: character references and the five predefined entities, nothing else. */
function decode(raw: string, refuse: (why: string) => never): string {
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) return refuse('A bare "&" is not allowed in XML.');
    const predefined = PREDEFINED_ENTITIES[name];
    if (predefined !== undefined) return predefined;
    const code = /^#x([0-9A-Fa-f]{1,6})$/.exec(name)?.[1] ?? /^#([0-9]{1,7})$/.exec(name)?.[1];
    if (code !== undefined) {
      const value = name.startsWith('#x') ? Number.parseInt(code, 16) : Number.parseInt(code, 10);
      if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
        return refuse(`&${short(name)}; is not a valid character.`);
      }
      return String.fromCodePoint(value);
    }
    return refuse(`The file uses the undeclared entity &${short(name)};.`);
  });
}

function short(text: string): string {
  const cleaned = text.replace(/[^\w.:#-]/g, '?');
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned;
}
