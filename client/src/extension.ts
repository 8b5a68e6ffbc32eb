/**
 * The VS Code desktop side: starts the language server in a Node process (node-ipc) for source files and
 * specs; features.ts adds the commands, the documentation pages and the status item. All analysis happens
 * in the server. browserExtension.ts is the same for the web.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { clientOptions, startClient } from './features';
import { SERVER_NODE_FLAGS, serverEnvironment } from './serverLaunch';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Added to this process's environment (vscode-languageclient merges them).
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { env, execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] },
    },
  };
  client = new LanguageClient('httpStatusLens', 'HTTP Status Lens', serverOptions, clientOptions());
  await startClient(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
