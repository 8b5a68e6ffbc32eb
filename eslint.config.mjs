// The layers' boundaries, checked rather than remembered (`npm run lint`, part of `npm test`). Only import
// rules: formatting is prettier's, types are tsc's.
//   service/   pure: LSP types only, never the connection, vscode, the server's layers, the CLI or the config files
//   knowledge/ the only reader of data/
//   cli/, config/ and the server's layers (handlers/, documents/, editorSettings/, large/, session.ts)
//              reach the service and the knowledge through their public index only
//   large/     one seam: the server's other layers call its index (large/index.ts: Analysis); only the
//              process entry (server.ts) starts the worker itself, which the web bundle cannot hold
import tseslint from 'typescript-eslint';

const dataFiles = {
  group: ['**/data/*', '**/data/**'],
  message: 'knowledge/ is the only reader of data/: ask server/src/knowledge for it.',
};
const connection = {
  group: [
    'vscode',
    'vscode-languageserver',
    'vscode-languageserver/*',
    'vscode-jsonrpc',
    'vscode-jsonrpc/*',
    'vscode-languageclient',
    'vscode-languageclient/*',
  ],
  message: 'service/ is pure: it may use the LSP types (vscode-languageserver-types) and TextDocument, never a connection.',
};
const outerLayers = {
  group: [
    ...['handlers', 'documents', 'editorSettings', 'large', 'cli', 'config'].flatMap((layer) => [`**/${layer}`, `**/${layer}/*`]),
    ...['**/cli.ts', '**/server', '**/server.ts', '**/session', '**/session.ts'],
  ],
  message: 'service/ never reaches out to the layers that use it.',
};
const serviceInside = {
  group: ['**/service/*', '**/service/**'],
  message: "go through the service's public interface (server/src/service/index.ts).",
};
const knowledgeInside = {
  group: ['**/knowledge/*', '**/knowledge/**'],
  message: 'go through the knowledge registry (server/src/knowledge/index.ts).',
};

const largeInside = {
  group: ['**/large/*', '**/large/**', '!**/large/index', '!**/large/index.ts'],
  message: 'the large-document path is one seam: go through server/src/large/index.ts (Analysis).',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default [
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: restrict(dataFiles),
  },
  { files: ['server/src/service/**/*.ts'], rules: restrict(dataFiles, connection, outerLayers, knowledgeInside) },
  {
    files: ['server/src/cli/**/*.ts', 'server/src/cli.ts', 'server/src/config/**/*.ts', 'server/src/large/**/*.ts'],
    rules: restrict(dataFiles, serviceInside, knowledgeInside),
  },
  {
    files: ['server/src/handlers/**/*.ts', 'server/src/documents/**/*.ts', 'server/src/editorSettings/**/*.ts', 'server/src/session.ts'],
    rules: restrict(dataFiles, serviceInside, knowledgeInside, largeInside),
  },
  { files: ['server/src/knowledge/**/*.ts'], rules: restrict(connection, outerLayers, serviceInside) },
];
