/**
 * What the client adds to the language client, the same in the desktop and the web: the commands (fix all,
 * rule and code documentation, output), the shipped documentation pages opened offline, and the language
 * status item. The two entries (extension.ts, browserExtension.ts) differ only in how the server is started.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import {
  CONFIG_FILES_REQUEST,
  Commands,
  type ConfigFilesResult,
  type DocumentStatus,
  FIX_ALL_KIND,
  type InitializationOptions,
  STATUS_REQUEST,
  type StatusParams,
} from '../../server/src/protocol';
import { servedLanguageIds } from '../../server/src/knowledge/languages';

/** Languages the server is started for (data/languages.json); the server checks the `httpStatusLens.languages` setting. */
const LANGUAGES = servedLanguageIds;

/** Where the server's links to rule and code pages point; the same pages ship in the extension under docs/. */
const DOCS_BASE = 'https://github.com/http-status-lens/http-status-lens/blob/main/docs/';
/** The scheme of the shipped pages as read-only documents (readable in the web too, where the extension is not a file). */
const DOCS_SCHEME = 'http-status-lens-docs';

/**
 * Where served documents live: files, untitled editors, virtual workspaces (vscode.dev and github.dev
 * repositories, `vscode-vfs:`), code-server's remote files and @vscode/test-web's.
 */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

export function clientOptions(): LanguageClientOptions {
  const initializationOptions: InitializationOptions = { clientCommands: [Commands.showRuleDocumentation], configFiles: true };
  return {
    documentSelector: LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
    synchronize: { configurationSection: 'httpStatusLens' },
    initializationOptions,
    middleware,
  };
}

/** `command:` uri running one of our commands with arguments. */
function commandUri(command: string, argument: string | number): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`);
}

/** A link to a shipped page, made to open it offline: the rule pages and the code pages. */
function localLink(href: string): vscode.Uri | undefined {
  const page = href.startsWith(DOCS_BASE) ? /^(rules|codes)\/([\w-]+)\.md$/.exec(href.slice(DOCS_BASE.length)) : null;
  if (!page) return undefined;
  return page[1] === 'rules' ? commandUri(Commands.showRuleDocumentation, page[2]) : commandUri(Commands.showCodeDocumentation, page[2]);
}

const middleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      if (typeof code !== 'object') continue;
      const target = localLink(code.target.toString(true));
      if (target) diagnostic.code = { value: code.value, target };
    }
    next(uri, diagnostics);
  },
  async provideHover(document, position, token, next) {
    const hover = await next(document, position, token);
    if (!hover) return hover;
    const contents = hover.contents.map((content) => {
      if (!(content instanceof vscode.MarkdownString)) return content;
      const value = content.value.replace(/\]\((https:[^)\s]+)\)/g, (link, href: string) => {
        const local = localLink(href);
        return local ? `](${local.toString(true)})` : link;
      });
      const markdown = new vscode.MarkdownString(value);
      markdown.isTrusted = { enabledCommands: [Commands.showCodeDocumentation] };
      return markdown;
    });
    return new vscode.Hover(contents, hover.range);
  },
};

/** Starts the client with the extension's features, the same on the desktop and the web. */
export async function startClient(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<void> {
  // Before start: the server asks for config files as soon as documents open.
  registerFeatures(context, client);
  await client.start();
  context.subscriptions.push(client);
}

function registerFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const docs = new DocsProvider(context.extensionUri);
  client.onRequest(CONFIG_FILES_REQUEST, (params: { uri: string }) => configFiles(params.uri));
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, docs),
    vscode.commands.registerCommand(Commands.showRuleDocumentation, (id: unknown) => docs.show('rules', id)),
    vscode.commands.registerCommand(Commands.showCodeDocumentation, (code: unknown) => docs.show('codes', code)),
    vscode.commands.registerCommand(Commands.fixAll, fixAll),
    vscode.commands.registerCommand(Commands.showOutput, () => client.outputChannel.show(true)),
    new StatusItem(client),
  );
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

/** Applies the fix-all action of the active editor's document, as `editor.codeActionsOnSave` would. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ??
    [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage('HTTP Status Lens: nothing to fix in this file.');
    return;
  }
  await vscode.workspace.applyEdit(action.edit);
}

/** The pages shipped in the extension's docs/ folder, read through the workspace file system and shown as a preview. */
class DocsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async show(folder: 'rules' | 'codes', name: unknown): Promise<void> {
    if ((typeof name !== 'string' && typeof name !== 'number') || !/^[\w-]+$/.test(String(name))) return;
    const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${folder}/${name}.md` });
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      // Without the built-in Markdown extension: the page as text.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', uri.path));
      return new TextDecoder().decode(bytes);
    } catch {
      return `# Page not found\n\nThis version of HTTP Status Lens ships no page \`docs${uri.path}\`.`;
    }
  }
}

/** The language status item: whether the active document is analysed (and if not, why), its rules and config files. */
class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private request = 0;

  constructor(private readonly client: BaseLanguageClient) {
    this.item = vscode.languages.createLanguageStatusItem('httpStatusLens.status', LANGUAGES);
    this.item.name = 'HTTP Status Lens';
    this.item.text = 'HTTP Status Lens';
    this.item.command = { title: 'Show Output', command: Commands.showOutput };
    this.subscriptions.push(
      client.onDidChangeState(() => void this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) void this.update();
      }),
    );
    void this.update();
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.client.isRunning()) return;
    const request = ++this.request;
    let status: DocumentStatus;
    try {
      status = await this.client.sendRequest<DocumentStatus>(STATUS_REQUEST, { uri: document.uri.toString() } satisfies StatusParams);
    } catch {
      return;
    }
    if (request !== this.request) return;
    const on = Object.entries(status.rules).filter(([, severity]) => severity !== 'off');
    const config =
      status.configFiles.length > 0 ? status.configFiles.map((file) => file.split(/[\\/]/).slice(-2).join('/')).join(', ') : 'none';
    if (status.analysed) {
      const findings = status.findings === undefined ? '' : ` · ${status.findings === 1 ? '1 finding' : `${status.findings} findings`}`;
      this.item.text = `$(check) HTTP Status Lens${findings}`;
      this.item.detail = `${status.kind === 'openapi' ? 'OpenAPI spec' : 'source code'} · ${on.length} of ${Object.keys(status.rules).length} rules on · config: ${config}`;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    } else {
      this.item.text = 'HTTP Status Lens: not analysed';
      this.item.detail = status.reason ?? '';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
