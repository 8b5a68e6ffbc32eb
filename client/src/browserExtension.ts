/**
 * The web side (vscode.dev, github.dev, code-server): the language server runs in a web worker
 * (dist/browserServer.js). features.ts adds the same commands, pages and status item as on the desktop, and
 * reads the config files for the server, which has no file system here.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, startClient } from './features';

/** The web worker API of the extension host (not in the Node typings this project compiles against). */
declare class Worker {
  constructor(url: string);
  terminate(): void;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js'));
  client = new LanguageClient('httpStatusLens', 'HTTP Status Lens', clientOptions(), worker as never);
  await startClient(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * A worker from the extension's own script. Some hosts (code-server) refuse a worker from an extension's
 * address ("Creating workers from remote extensions is currently not supported"): then from its text.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
  try {
    return new Worker(script.toString(true));
  } catch {
    const code = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([code], { type: 'application/javascript' })));
  }
}
