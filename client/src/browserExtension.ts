/**
 * The web side (vscode.dev, github.dev, code-server): the language server runs in a web worker
 * (dist/browserServer.js); config files are read here, through the workspace file system, for the server.
 * features.ts adds the same commands, pages and status item as on the desktop.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CONFIG_FILES_REQUEST, type ConfigFilesResult } from '../../server/src/protocol';
import { clientOptions, registerFeatures } from './features';

/** The web worker API of the extension host (not in the Node typings this project compiles against). */
declare class Worker {
  constructor(url: string);
  terminate(): void;
}

/** Where documents live in the web: local files, github.dev and vscode.dev repositories, code-server, @vscode/test-web. */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js'));
  client = new LanguageClient('httpStatusLens', 'HTTP Status Lens', clientOptions(SCHEMES), worker as never);
  client.onRequest(CONFIG_FILES_REQUEST, (params: { uri: string }) => configFiles(params.uri));
  await client.start();
  context.subscriptions.push(client);
  registerFeatures(context, client);
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

/** The config files from the document's workspace folder down to its folder, outermost first. */
async function configFiles(uri: string): Promise<ConfigFilesResult | null> {
  const document = vscode.Uri.parse(uri);
  const folder = vscode.workspace.getWorkspaceFolder(document);
  if (!folder) return null;
  const root = folder.uri.path.replace(/\/$/, '');
  const below = document.path.slice(root.length).split('/').filter(Boolean).slice(0, -1);
  const files: ConfigFilesResult['files'] = [];
  for (let depth = 0; depth <= below.length; depth++) {
    const file = vscode.Uri.joinPath(folder.uri, ...below.slice(0, depth), '.http-status-lens.json');
    try {
      files.push({ uri: file.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) });
    } catch {
      // No config file in this folder.
    }
  }
  return { files };
}
