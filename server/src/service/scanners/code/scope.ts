/**
 * The scope of sites in source code: a handler. Its words, for what holds for all of it (DESIGN.md
 * "Evidence"), are those of its header only — the route, decorators or annotations, and the function's name
 * and parameters — never the statements of its body, where a word in one branch would decide every site.
 */
import * as knowledge from '../../../knowledge';
import type { Scope } from '../../model';
import { withoutAnnotations } from './blocks';

export class TextScope implements Scope {
  readonly codes = new Set<number>();
  private cachedWords: string[] | undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    public end: number,
    /** Where the header ends (the body's `{`, the end of the `def` line); the file scope has none. */
    public headerEnd: number,
  ) {}

  words(): readonly string[] {
    this.cachedWords ??= namingWords(this.text.slice(this.start, Math.min(this.headerEnd, this.start + 2000)));
    return this.cachedWords;
  }
}

/**
 * The words of a handler's header, less its annotations that run it in a database transaction
 * (`@Transactional`, `@transaction.atomic`): they say how it stores, not that the request is a chain of actions.
 */
export function namingWords(header: string): string[] {
  return knowledge.toWords(header.includes('@') ? withoutAnnotations(header, (name) => knowledge.storageAnnotations.has(name)) : header);
}
