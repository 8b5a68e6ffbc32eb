// Writes the one-line JSON spec of issue 20 item 5 (the hostile suite's "responses in one operation, on one line",
// at the CLI's sizes): N responses in one operation, alternately "409" and "424" with a description that speaks
// of a lock, so that N/2 are findings (424-for-lock, with their fixes).
// Run: node --import tsx scripts/one-line-spec.ts N FILE
// Then: /usr/bin/time -f '%e s %M KB' node dist/cli.js lint FILE [--format json|sarif] > /tmp/out.txt
import * as fs from 'node:fs';
import { oneLineResponses } from '../test/fuzz/hostile';

const [n, file] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(n) || n < 1 || !file) throw new Error('usage: one-line-spec.ts N FILE');
const text = oneLineResponses(n) + '\n';
fs.writeFileSync(file, text);
console.log(`${file}: ${n} responses (${Math.floor(n / 2)} findings), ${text.length} characters`);
