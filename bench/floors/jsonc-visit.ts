/** Floor: read + jsonc-parser visit with empty callbacks (the event stream our JSON path is built on). */
import { visit } from 'jsonc-parser';
import { readText, report } from './common';

let keys = 0;
visit(readText(), { onObjectProperty: () => void keys++ }, { allowTrailingComma: true });
report(keys);
