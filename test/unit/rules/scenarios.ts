/**
 * Scenario tables for rules: `[[...]]` marks where the rule must report (the status token itself);
 * anything unmarked must stay quiet. Only the rule under test is on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RuleId } from '../../../server/src/service/rules';
import { type Settings } from '../../../server/src/service';
import { actionsFor, applyAction, onlyRule, validate } from '../helpers';

export interface Scenario {
  name: string;
  language: string;
  /** Source with `[[` `]]` around each expected finding. */
  text: string;
  /** The text after applying the preferred fix of the first finding. */
  fixed?: string;
  settings?: Partial<Settings>;
  /** The file's path, where its name matters (a test file). */
  path?: string;
}

export function runScenarios(rule: RuleId, scenarios: Scenario[]): void {
  for (const scenario of scenarios) {
    test(`${scenario.language}: ${scenario.name}`, () => {
      const { text, ranges } = unmark(scenario.text);
      const { document, diagnostics } = validate(text, scenario.language, onlyRule(rule, scenario.settings), scenario.path);
      const actual = diagnostics.map((d) => [document.offsetAt(d.range.start), document.offsetAt(d.range.end)]);
      assert.deepEqual(
        actual,
        ranges,
        `findings at ${JSON.stringify(diagnostics.map((d) => document.getText(d.range)))}: ${diagnostics.map((d) => d.message).join(' | ')}`,
      );
      for (const d of diagnostics) {
        assert.equal(d.code, rule);
        assert.equal(d.source, 'http-status-lens');
        assert.match(d.codeDescription!.href, new RegExp(`docs/rules/${rule}\\.md$`));
      }
      if (scenario.fixed !== undefined) {
        const preferred = actionsFor(diagnostics.slice(0, 1)).find((a) => a.isPreferred);
        assert.ok(
          preferred,
          `no preferred fix; actions: ${actionsFor(diagnostics)
            .map((a) => a.title)
            .join(' | ')}`,
        );
        assert.equal(applyAction(document, preferred), scenario.fixed);
      }
    });
  }
}

function unmark(marked: string): { text: string; ranges: number[][] } {
  const ranges: number[][] = [];
  let text = '';
  let i = 0;
  while (i < marked.length) {
    const open = marked.indexOf('[[', i);
    if (open < 0) break;
    const close = marked.indexOf(']]', open);
    text += marked.slice(i, open);
    const start = text.length;
    text += marked.slice(open + 2, close);
    ranges.push([start, text.length]);
    i = close + 2;
  }
  return { text: text + marked.slice(i), ranges };
}
