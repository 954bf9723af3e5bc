// A small streaming XML tokenizer for the parts of an XLSX workbook. It takes decoded text in pieces of any
// size (a tag, an entity or a text run may straddle pieces) and reports start tags, end tags and text,
// nothing more: no DTD (OOXML forbids one, so a DOCTYPE is refused, and with it any entity expansion), no
// namespaces beyond dropping a prefix ("x:row" is "row"), no validation beyond what reading needs.

/** Receives the tokens; `attributes` is the raw attribute text of the tag, read with `attribute()`. */
export type XmlHandler = {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
};

/** Thrown for text that is not XML this tokenizer can follow. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;

/** Replaces XML's five named entities and character references; an unknown entity is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body.startsWith("#x") ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const attributePatterns = new Map<string, RegExp>();

/** The (entity-decoded) value of attribute `name` in a tag's raw attribute text, matched with any prefix ("r:id" for "id"); undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? "");
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/** True when the quotes in a tag's text so far are balanced (a ">" inside a quoted attribute value does not end the tag). */
function quotesClosed(tag: string): boolean {
  if (!tag.includes('"') && !tag.includes("'")) return true;
  let quote = "";
  for (const char of tag) {
    if (quote === "") {
      if (char === '"' || char === "'") quote = char;
    } else if (char === quote) quote = "";
  }
  return quote === "";
}

/** Longest a single tag may be: a runaway "<" is damage, not a tag. */
const MAX_TAG_CHARS = 1_000_000;

/** Feeds text in pieces with `write`, then `end`; the handler is called synchronously as tokens complete. */
export class XmlTokenizer {
  readonly #handler: XmlHandler;
  /** Text since the last tag, in pieces (joined when the next tag starts). */
  #text: string[] = [];
  /** The tag being read, without its "<", when a piece ended inside it; null between tags. */
  #tag: string | null = null;

  constructor(handler: XmlHandler) {
    this.#handler = handler;
  }

  write(piece: string): void {
    let at = 0;
    const length = piece.length;
    while (at < length) {
      if (this.#tag === null) {
        const open = piece.indexOf("<", at);
        if (open === -1) {
          this.#text.push(at === 0 ? piece : piece.slice(at));
          return;
        }
        if (open > at) this.#text.push(piece.slice(at, open));
        this.#flushText();
        this.#tag = "";
        at = open + 1;
        continue;
      }
      const close = piece.indexOf(">", at);
      if (close === -1) {
        this.#tag += piece.slice(at);
        if (this.#tag.length > MAX_TAG_CHARS) throw new XmlSyntaxError("a tag is never closed");
        return;
      }
      const candidate = this.#tag + piece.slice(at, close);
      at = close + 1;
      if (!this.#isComplete(candidate)) {
        this.#tag = `${candidate}>`;
        continue;
      }
      this.#tag = null;
      this.#emitTag(candidate);
    }
  }

  /** Ends the input: anything left open is an error. */
  end(): void {
    if (this.#tag !== null) throw new XmlSyntaxError("the document ends inside a tag");
    this.#flushText();
  }

  #flushText(): void {
    if (this.#text.length === 0) return;
    const text = this.#text.length === 1 ? (this.#text[0] ?? "") : this.#text.join("");
    this.#text = [];
    if (text !== "") this.#handler.text(decodeEntities(text));
  }

  #isComplete(tag: string): boolean {
    if (tag.startsWith("!--")) return tag.length >= 5 && tag.endsWith("--");
    if (tag.startsWith("![CDATA[")) return tag.endsWith("]]");
    if (tag.startsWith("?")) return tag.endsWith("?");
    return quotesClosed(tag);
  }

  #emitTag(tag: string): void {
    const first = tag.charCodeAt(0);
    if (first === 0x2f /* / */) {
      this.#handler.close(localName(tag.slice(1).trim()));
      return;
    }
    if (first === 0x3f /* ? */) return;
    if (first === 0x21 /* ! */) {
      if (tag.startsWith("![CDATA[")) {
        const content = tag.slice(8, -2);
        if (content !== "") this.#handler.text(content);
        return;
      }
      if (tag.startsWith("!--")) return;
      throw new XmlSyntaxError("a document type declaration is not allowed");
    }
    const selfClosing = tag.charCodeAt(tag.length - 1) === 0x2f;
    const body = selfClosing ? tag.slice(0, -1) : tag;
    let end = 0;
    while (end < body.length) {
      const code = body.charCodeAt(end);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) break;
      end++;
    }
    if (end === 0) throw new XmlSyntaxError("a tag has no name");
    const name = localName(body.slice(0, end));
    this.#handler.open(name, end === body.length ? "" : body.slice(end), selfClosing);
    if (selfClosing) this.#handler.close(name);
  }
}
