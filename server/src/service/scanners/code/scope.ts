/** The scope of sites in source code: a span of the text whose words are read only when a rule asks. */
import * as knowledge from '../../../knowledge';
import type { PhraseSet } from '../../../knowledge';
import type { Scope } from '../../model';

export class TextScope implements Scope {
  readonly codes = new Set<number>();
  private cachedWords: string[] | undefined;
  private outbound: boolean | undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    public end: number,
    private readonly outboundCalls: PhraseSet,
  ) {}

  words(): readonly string[] {
    this.cachedWords ??= knowledge.toWords(this.text.slice(this.start, this.end));
    return this.cachedWords;
  }

  makesOutboundCall(): boolean {
    this.outbound ??= this.outboundCalls.matches(this.words());
    return this.outbound;
  }
}
