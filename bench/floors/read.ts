/** Floor: read the file as UTF-8 text, nothing else. */
import { readText, report } from './common';

report(readText().length);
