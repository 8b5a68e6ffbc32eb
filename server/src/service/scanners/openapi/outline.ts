/**
 * The event interface both spec formats are read through: the JSON outline scanner (jsonOutline.ts) and
 * the YAML one (yamlOutline.ts). Streaming events, not a tree, because specs run to tens of megabytes and
 * the rules need only a few of their paths.
 */
import { visitJsonOutline } from './jsonOutline';
import type { OutlineVisitor } from './yamlOutline';

/** Declared once, beside the YAML scanner that defines its contract. */
export type { OutlineVisitor };

/**
 * Reads a JSON spec (comments and trailing commas allowed) as one document. The scanner is iterative, so
 * no nesting depth overflows the stack.
 */
export function visitJson(text: string, visitor: OutlineVisitor): void {
  visitor.onDocumentBegin?.(0);
  visitJsonOutline(text, visitor);
}
