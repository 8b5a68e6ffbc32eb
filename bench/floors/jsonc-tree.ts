/** Floor: read + jsonc-parser parseTree (a tree with offsets, the classic "parse with positions"). */
import { parseTree } from 'jsonc-parser';
import { readText, report } from './common';

report(parseTree(readText())?.children?.length ?? 0);
