/**
 * The outline readers: a spec's structure as streaming events (visitor.ts), from YAML (yaml.ts) or JSON
 * (json.ts), purpose-built for speed on specs of tens of megabytes (see their benchmarks in docs/benchmarks.md).
 */
import { visitJsonOutline } from './json';
import type { OutlineVisitor } from './visitor';

export type { OutlineVisitor };
export { visitYaml, visitLfYaml } from './yaml';
export { visitJsonOutline };

/**
 * Reads a JSON spec (comments and trailing commas allowed) as one document. The scanner is iterative, so
 * no nesting depth overflows the stack.
 */
export function visitJson(text: string, visitor: OutlineVisitor): void {
  visitor.onDocumentBegin?.(0);
  visitJsonOutline(text, visitor);
}
