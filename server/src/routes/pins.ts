/**
 * Specs pinned to their handlers (a config file's `specs`): in a monorepo each service's handlers join only
 * with the service's own spec, and a pinned spec answers only for the handlers pinned to it. Files no pin
 * names join as before, with every spec no pin names. Patterns are .gitignore-style and relative to the
 * config file's folder, as its `ignore` list; paths are compared as uris, so this runs in the web too.
 */
import ignore, { type Ignore } from 'ignore';
import { URI } from 'vscode-uri';
import type { SpecPin } from '../service';

interface Matchers {
  base: URI;
  spec: Ignore;
  handlers: Ignore;
}

export class SpecPins {
  private readonly matchers = new WeakMap<SpecPin, Matchers>();

  /** `pinsOf`: the pins of the config files that apply to a file (its settings' `specs`). */
  constructor(private readonly pinsOf: (uri: string) => readonly SpecPin[]) {}

  /** Whether any file's settings pin a spec: without pins every route joins every spec. */
  static any(pinsOf: ((uri: string) => readonly SpecPin[]) | undefined, uris: Iterable<string>): boolean {
    if (!pinsOf) return false;
    for (const uri of uris) if (pinsOf(uri).length > 0) return true;
    return false;
  }

  /** The pins that name a handler file; empty when none does. */
  pinsOfHandler(handler: string): SpecPin[] {
    return this.pinsOf(handler).filter((pin) => this.matches(pin, 'handlers', handler));
  }

  /** Whether the routes of `handler` may join the operations of `spec`. */
  allows(handler: string, spec: string): boolean {
    const pins = this.pinsOfHandler(handler);
    if (pins.length > 0) return pins.some((pin) => this.matches(pin, 'spec', spec));
    return !this.pinsOf(spec).some((pin) => this.matches(pin, 'spec', spec));
  }

  private matches(pin: SpecPin, which: 'spec' | 'handlers', uri: string): boolean {
    let matchers = this.matchers.get(pin);
    if (!matchers) {
      matchers = { base: baseUri(pin.base), spec: ignore().add(pin.spec), handlers: ignore().add(pin.handlers) };
      this.matchers.set(pin, matchers);
    }
    const relative = relativePath(matchers.base, URI.parse(uri));
    return relative !== undefined && matchers[which].ignores(relative);
  }
}

/** A config file's folder as a uri: a path on the desktop, a uri in the web. */
function baseUri(base: string): URI {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(base) ? URI.parse(base) : URI.file(base);
}

/** `file` relative to `base`, or undefined when it is not below it. */
function relativePath(base: URI, file: URI): string | undefined {
  if (base.scheme !== file.scheme || base.authority !== file.authority) return undefined;
  const folder = base.path.endsWith('/') ? base.path : `${base.path}/`;
  return file.path.startsWith(folder) && file.path.length > folder.length ? file.path.slice(folder.length) : undefined;
}
