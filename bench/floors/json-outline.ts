/** Floor: read + the server's own JSON outline scanner with empty callbacks (the JSON path, without rules). */
import { visitJsonOutline } from '../../server/src/service/outline';
import { readText, report } from './common';

let keys = 0;
visitJsonOutline(readText(), { onObjectProperty: () => void keys++ });
report(keys);
