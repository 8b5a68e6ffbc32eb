/**
 * The operations of an OpenAPI 3.x or Swagger 2.0 document, read with the service's outline readers: method
 * and path (with and without each server URL's path or the basePath), the declared response keys with their
 * offsets, and where a new response key goes in the file's own style (for the add-the-response fix).
 */
import { type OperationFact, type OutlineVisitor, type ResponseInsertion, normaliseTemplate, visitJson, visitYaml } from '../service';

export interface SpecOperations {
  isSpec: boolean;
  /** Recoverable syntax errors the reader met: such a spec is not trusted (its responses may be cut short). */
  syntaxErrors: number;
  operations: OperationFact[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

interface Frame {
  key: string | undefined;
  keyOffset: number;
  start: number;
  isArray: boolean;
  kind: 'root' | 'paths' | 'pathItem' | 'operation' | 'responses' | 'response' | 'servers' | 'server' | 'other';
}

export function readOperations(uri: string, text: string, isYaml: boolean): SpecOperations {
  const reader = new OperationReader(uri, text, !isYaml);
  (isYaml ? visitYaml : visitJson)(text, reader);
  return reader.result();
}

class OperationReader implements OutlineVisitor {
  private readonly stack: Frame[] = [];
  private key: string | undefined;
  private keyOffset = 0;
  private isSpec = false;
  private syntaxErrors = 0;
  private basePath: string | undefined;
  private readonly servers: string[] = [];
  private readonly operations: OperationFact[] = [];
  private operation: OperationFact | undefined;
  private insertion: (ResponseInsertion & { responsesKeyOffset: number; mapStart: number; flow: boolean }) | undefined;
  private descriptionColumn: number | undefined;
  private readonly eol: string;

  constructor(
    private readonly uri: string,
    private readonly text: string,
    private readonly json: boolean,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  result(): SpecOperations {
    if (!this.isSpec) return { isSpec: false, syntaxErrors: this.syntaxErrors, operations: [] };
    const prefixes = new Set<string>();
    if (this.basePath) prefixes.add(this.basePath);
    for (const url of this.servers) {
      // A server URL with variables has no fixed path; relative and absolute URLs both give theirs.
      if (url.includes('{')) continue;
      const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : undefined);
      if (path && path !== '/') prefixes.add(path);
    }
    for (const operation of this.operations) {
      const templates = new Set([normaliseTemplate(operation.path)]);
      for (const prefix of prefixes) templates.add(normaliseTemplate(prefix + '/' + operation.path));
      operation.templates = [...templates];
    }
    return { isSpec: true, syntaxErrors: this.syntaxErrors, operations: this.operations };
  }

  onDocumentBegin(): void {
    this.stack.length = 0;
  }

  onObjectProperty(key: string, offset: number, length: number): void {
    this.key = key;
    this.keyOffset = offset;
    const top = this.top();
    if (top?.kind === 'responses' && this.operation && !key.startsWith('x-')) {
      const raw = this.text.slice(offset, offset + length);
      const quoted = raw[0] === '"' || raw[0] === "'";
      const start = quoted ? offset + 1 : offset;
      this.operation.responses.push({ key, start, end: start + key.length });
      if (this.insertion) {
        if (this.insertion.keys.length === 0) {
          this.insertion.quote = this.json ? '"' : quoted ? (raw[0] as "'" | '"') : '';
          this.insertion.indent = ' '.repeat(this.column(offset));
        }
        this.insertion.keys.push({ key, at: this.json ? offset : this.lineStart(offset), valueEnd: offset + length });
      }
    } else if (
      top?.kind === 'response' &&
      key === 'description' &&
      this.insertion &&
      this.descriptionColumn === undefined &&
      this.startsLine(offset)
    ) {
      this.descriptionColumn = this.column(offset);
    }
  }

  onObjectBegin(offset: number): void {
    this.push(offset, false);
  }

  onArrayBegin(offset: number): void {
    this.push(offset, true);
  }

  onObjectEnd(offset: number): void {
    this.pop(offset);
  }

  onArrayEnd(offset: number): void {
    this.pop(offset);
  }

  onLiteralValue(value: string, offset: number, length: number): void {
    const top = this.top();
    const key = this.take();
    if (!top) return;
    if (top.kind === 'root') {
      if ((key === 'openapi' && value.startsWith('3')) || (key === 'swagger' && value.startsWith('2'))) this.isSpec = true;
      if (key === 'basePath') this.basePath = value;
    } else if (top.kind === 'server' && key === 'url') this.servers.push(value);
    else if (top.kind === 'responses' && this.insertion && key !== undefined) this.lastValueEnd(offset + length);
    // A split spec: the operation is in another file (or elsewhere in this one), its responses with it.
    else if (top.kind === 'operation' && key === '$ref' && this.operation) this.operation.unread = `is a $ref to ${value}`;
  }

  onAlias(): void {
    this.take();
  }

  onError(): void {
    this.syntaxErrors++;
  }

  private push(offset: number, isArray: boolean): void {
    const parent = this.top();
    const key = this.take();
    const kind = this.kindOf(parent, key, isArray);
    this.stack.push({ key, keyOffset: this.keyOffset, start: offset, isArray, kind });
    if (kind === 'operation') {
      const pathItem = this.stack[this.stack.length - 2];
      this.operation = {
        uri: this.uri,
        method: key!.toUpperCase(),
        path: pathItem.key ?? '',
        templates: [],
        at: { start: this.keyOffset, end: this.keyOffset + key!.length },
        responses: [],
        unread: 'declares no responses',
      };
      this.operations.push(this.operation);
    } else if (kind === 'responses' && this.operation) {
      if (this.operation.unread === 'declares no responses') delete this.operation.unread;
      const flow = !this.json && this.text[offset] === '{';
      this.descriptionColumn = undefined;
      this.insertion = {
        json: this.json,
        keys: [],
        indent: '',
        unit: '  ',
        quote: this.json ? '"' : '',
        eol: this.eol,
        responsesKeyOffset: this.keyOffset,
        mapStart: offset,
        flow,
      };
    }
  }

  private pop(offset: number): void {
    const frame = this.stack.pop();
    this.key = undefined;
    if (!frame) return;
    if (frame.kind === 'response') this.lastValueEnd(this.json ? offset + 1 : offset);
    if (frame.kind === 'responses' && this.operation && this.insertion) {
      const { responsesKeyOffset, mapStart: _start, flow, ...insertion } = this.insertion;
      const keyColumn = this.insertion.indent.length;
      const outer = this.json ? this.indentOf(responsesKeyOffset) : this.column(responsesKeyOffset);
      const step = this.descriptionColumn !== undefined ? this.descriptionColumn - keyColumn : keyColumn - outer;
      insertion.unit = ' '.repeat(Math.max(1, step));
      if (!flow && insertion.keys.length > 0) this.operation.insertion = insertion;
      this.insertion = undefined;
    }
    if (frame.kind === 'operation') this.operation = undefined;
  }

  private lastValueEnd(end: number): void {
    const last = this.insertion?.keys[this.insertion.keys.length - 1];
    if (last) last.valueEnd = Math.max(last.valueEnd, end);
  }

  private kindOf(parent: Frame | undefined, key: string | undefined, isArray: boolean): Frame['kind'] {
    if (!parent) return 'root';
    switch (parent.kind) {
      case 'root':
        if (key === 'paths' && !isArray) return 'paths';
        if (key === 'servers' && isArray) return 'servers';
        return 'other';
      case 'servers':
        return 'server';
      case 'paths':
        return key !== undefined && key.startsWith('/') ? 'pathItem' : 'other';
      case 'pathItem':
        return key !== undefined && METHODS.has(key) ? 'operation' : 'other';
      case 'operation':
        return key === 'responses' && !isArray ? 'responses' : 'other';
      case 'responses':
        return key !== undefined && !key.startsWith('x-') ? 'response' : 'other';
      default:
        return 'other';
    }
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private take(): string | undefined {
    const key = this.top()?.isArray ? undefined : this.key;
    this.key = undefined;
    return key;
  }

  /** The line the visit is on: its start and the next line break (the visit goes forward, so each search resumes there). */
  private line = { start: 0, next: -2 };

  /** Linear over a whole visit: searching back from each key instead was quadratic on a one-line spec. */
  private lineStart(offset: number): number {
    if (offset < this.line.start) return this.text.lastIndexOf('\n', offset - 1) + 1;
    let { start, next } = this.line;
    if (next === -2) next = this.text.indexOf('\n');
    while (next >= 0 && next < offset) {
      start = next + 1;
      next = this.text.indexOf('\n', start);
    }
    this.line = { start, next };
    return start;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Whether only indentation comes before an offset on its line (a key of a block, not of `{ ... }` on one line). */
  private startsLine(offset: number): boolean {
    return this.indentOf(offset) === this.column(offset);
  }

  private indentOf(offset: number): number {
    const start = this.lineStart(offset);
    let i = start;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return i - start;
  }
}
