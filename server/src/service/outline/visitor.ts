/**
 * The outline readers' contract: the events a spec is read through, YAML or JSON alike (yaml.ts, json.ts).
 * Streaming events, not a tree, because specs run to tens of megabytes and the rules need few of their paths.
 */

export interface OutlineVisitor {
  /** Start of each YAML document in the stream (called once for a JSON file too by the JSON adapter). */
  onDocumentBegin?(offset: number): void;
  /**
   * Returning `false` skips the object's contents, as jsonc-parser's visit does: no event until its
   * onObjectEnd, except that comments and errors are still reported (so a file's syntax errors count the
   * same). A reader that cannot skip (yaml.ts) ignores the answer.
   */
  onObjectBegin?(offset: number): unknown;
  /** A mapping key. offset/length cover the key token INCLUDING its quotes, like jsonc-parser; key is the unquoted, unescaped text. */
  onObjectProperty?(key: string, offset: number, length: number): void;
  onObjectEnd?(offset: number): void;
  /** Returning `false` skips the array's contents, as onObjectBegin. */
  onArrayBegin?(offset: number): unknown;
  onArrayEnd?(offset: number): void;
  /** A scalar value (not a key). value is the scalar's content as a string: plain scalars folded per YAML rules, quoted scalars unescaped, block scalars with their chomping/indent applied. offset/length cover the source token (including quotes / the whole block scalar). */
  onLiteralValue?(value: string, offset: number, length: number): void;
  /** An alias `*name` used as a value. Never expanded (so alias bombs cost nothing). */
  onAlias?(name: string, offset: number, length: number): void;
  /** A comment, offset/length cover from `#` to end of line. */
  onComment?(offset: number, length: number): void;
  /** A recoverable syntax problem; scanning continues. */
  onError?(message: string, offset: number, length: number): void;
}

/** A visitor's callbacks, bound once: the readers call them as `this.on.x?.(...)` on an object of one shape. */
export interface Callbacks {
  documentBegin: ((offset: number) => void) | undefined;
  objectBegin: ((offset: number) => unknown) | undefined;
  objectProperty: ((key: string, offset: number, length: number) => void) | undefined;
  objectEnd: ((offset: number) => void) | undefined;
  arrayBegin: ((offset: number) => unknown) | undefined;
  arrayEnd: ((offset: number) => void) | undefined;
  literalValue: ((value: string, offset: number, length: number) => void) | undefined;
  alias: ((name: string, offset: number, length: number) => void) | undefined;
  comment: ((offset: number, length: number) => void) | undefined;
  error: ((message: string, offset: number, length: number) => void) | undefined;
}

export function bindCallbacks(v: OutlineVisitor): Callbacks {
  return {
    documentBegin: v.onDocumentBegin?.bind(v),
    objectBegin: v.onObjectBegin?.bind(v),
    objectProperty: v.onObjectProperty?.bind(v),
    objectEnd: v.onObjectEnd?.bind(v),
    arrayBegin: v.onArrayBegin?.bind(v),
    arrayEnd: v.onArrayEnd?.bind(v),
    literalValue: v.onLiteralValue?.bind(v),
    alias: v.onAlias?.bind(v),
    comment: v.onComment?.bind(v),
    error: v.onError?.bind(v),
  };
}
