/** Floor: read + yaml parseDocument (the full YAML library: CST, composed AST with ranges). */
import { parseDocument } from 'yaml';
import { readText, report } from './common';

report(parseDocument(readText()).errors.length);
