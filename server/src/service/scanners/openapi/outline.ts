/**
 * The event interface both spec formats are read through: jsonc-parser's visitor for JSON, the outline
 * scanner (yamlOutline.ts) for YAML. Streaming events, not a tree, because specs run to tens of megabytes
 * and the rules need only a few of their paths.
 */
import { visit } from 'jsonc-parser';

import type { OutlineVisitor } from './yamlOutline';

/** Declared once, beside the YAML scanner that defines its contract. */
export type { OutlineVisitor };

export function visitJson(text: string, visitor: OutlineVisitor): void {
  visitor.onDocumentBegin?.(0);
  try {
    visitJsonc(text, visitor);
  } catch (error) {
    // jsonc-parser's visit recurses once per nesting level, so ~10,000 nested `[` exhaust the stack. A hostile
    // file must not break the scan: what was read before the overflow stands.
    if (!(error instanceof RangeError)) throw error;
    visitor.onError?.('JSON nested too deeply to read further', 0, 0);
  }
}

function visitJsonc(text: string, visitor: OutlineVisitor): void {
  visit(
    text,
    {
      onObjectBegin: (offset) => visitor.onObjectBegin?.(offset),
      onObjectProperty: (key, offset, length) => visitor.onObjectProperty?.(key, offset, length),
      onObjectEnd: (offset) => visitor.onObjectEnd?.(offset),
      onArrayBegin: (offset) => visitor.onArrayBegin?.(offset),
      onArrayEnd: (offset) => visitor.onArrayEnd?.(offset),
      onLiteralValue: (value, offset, length) => visitor.onLiteralValue?.(value === null ? 'null' : String(value), offset, length),
      onComment: (offset, length) => visitor.onComment?.(offset, length),
      onError: (error, offset, length) => visitor.onError?.(`JSON syntax error ${error}`, offset, length),
    },
    { allowTrailingComma: true, disallowComments: false },
  );
}
