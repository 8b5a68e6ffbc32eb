// Writes the one-line JSON spec of issue 20 item 5 (the hostile suite's "responses in one operation, on one
// line", at CLI sizes): N response keys in one operation, alternately "424" and "409" with a description that
// speaks of a lock, so every "424" is a finding (424-for-lock with its quick fix): N/2 findings on one line.
// Run: node --import tsx scripts/one-line-spec.ts N FILE
// Then: /usr/bin/time -f '%e s %M KB' node dist/cli.js lint FILE [--format json|sarif] > /tmp/out.txt
import * as fs from 'node:fs';

const [n, file] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(n) || n < 1 || !file) throw new Error('usage: one-line-spec.ts N FILE');
const responses = Array.from({ length: n }, (_, i) => `"${i % 2 ? 424 : 409}": {"description": "locked ${i}"}`).join(',');
const text = `{"openapi": "3.0.0", "info": {"title": "one line", "version": "1"}, "paths": {"/a": {"get": {"responses": {${responses}}}}}}\n`;
fs.writeFileSync(file, text);
console.log(`${file}: ${n} response keys, ${text.length} characters`);
