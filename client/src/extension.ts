/**
 * The VS Code desktop side: starts the language server in a Node process, over stdio, for source files and
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
  // Over stdio, as other editors start it (docs/editors.md): a large document's scan worker then starts as its
  // message's header arrives (serverProcess.ts). Node hands an IPC message over only once it is parsed: GitHub's
  // 13 MB spec opened 20-30 ms later over node-ipc, and 2-5 MB larger (issue 19).
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
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
