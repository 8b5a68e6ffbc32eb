/** Floor: read + yaml's Parser (the lower-level CST, no composed document). */
import { Parser } from 'yaml';
import { readText, report } from './common';

let tokens = 0;
for (const token of new Parser().parse(readText())) if (token) tokens++;
report(tokens);
