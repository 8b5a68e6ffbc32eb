// The schema VS Code reads for .http-status-lens.json (package.json `jsonValidation`): the published schema
// (schemas/http-status-lens.schema.json) with every constraint taken out and every allowed value kept as a
// completion. The language server already reports each invalid value, with what happens to it; were VS Code's
// JSON validation to report it too, each mistake would show twice in Problems. So the editor gets completion,
// hover text and snippets from this schema, and the messages from the server. Written by esbuild.mjs.

/** Keywords that only validate: VS Code would report them; the server does instead. */
const CONSTRAINTS = new Set([
  'type',
  'enum',
  'const',
  'additionalProperties',
  'propertyNames',
  'required',
  'uniqueItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'not',
]);

/** Snippets VS Code inserts for a completed key, which `type` used to give. */
const BODIES = { object: {}, array: [], boolean: false, string: '' };

export function editorSchema(node) {
  if (Array.isArray(node)) return node.map(editorSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum') out.examples = value;
    else if (key === 'enumDescriptions' || key === 'markdownEnumDescriptions') continue;
    else if (!CONSTRAINTS.has(key)) out[key] = key === 'default' || key === 'examples' ? value : editorSchema(value);
  }
  if (typeof node.type === 'string' && node.type in BODIES && !('defaultSnippets' in node) && !('default' in node))
    out.defaultSnippets = [{ body: BODIES[node.type] }];
  return out;
}
