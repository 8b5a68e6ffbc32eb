/**
 * The VS Code side: starts the language server for source files and specs and passes settings through.
 * All analysis happens in the server.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { servedLanguageIds } from '../../server/src/knowledge/languages';

/** Languages the server is started for (data/languages.json); the server checks the `httpStatusLens.languages` setting. */
const LANGUAGES = servedLanguageIds;

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'httpStatusLens' },
  };
  client = new LanguageClient('httpStatusLens', 'HTTP Status Lens', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
