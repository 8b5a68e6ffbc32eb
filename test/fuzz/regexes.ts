/** Every regex of server/src, found by parsing the sources with the TypeScript compiler (a new one is found the day it is added). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export const root = path.resolve(__dirname, '../..');
const sourceRoot = path.join(root, 'server/src');

export interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function findRegexes(): { literals: Found[]; dynamic: { file: string; line: number; text: string }[] } {
  const literals: Found[] = [];
  const dynamic: { file: string; line: number; text: string }[] = [];
  for (const file of sourceFiles(sourceRoot)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const relative = path.relative(root, file);
    const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        literals.push({ file: relative, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        dynamic.push({ file: relative, line: lineOf(node), text: node.getText(sf) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}
