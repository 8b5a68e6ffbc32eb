/** Floor: read + JSON.parse (no positions). */
import { readText, report } from './common';

const value = JSON.parse(readText()) as Record<string, unknown>;
report(Object.keys(value).length);
