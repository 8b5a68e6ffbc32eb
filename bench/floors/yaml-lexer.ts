/** Floor: read + yaml's Lexer (the lowest layer: source tokens only). */
import { Lexer } from 'yaml';
import { readText, report } from './common';

let tokens = 0;
for (const token of new Lexer().lex(readText())) if (token) tokens++;
report(tokens);
