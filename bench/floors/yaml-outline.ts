/** Floor: read + the server's own YAML outline scanner with empty callbacks (the YAML path, without rules). */
import { visitYaml } from '../../server/src/service/outline';
import { readText, report } from './common';

let keys = 0;
visitYaml(readText(), { onObjectProperty: () => void keys++ });
report(keys);
