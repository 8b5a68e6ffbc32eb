/**
 * The extension's own LSP vocabulary, shared by the server and the VS Code client (both bundle this file):
 * the fix-all code action kind, the commands the client carries out, and the status request.
 */

/** `source.fixAll` for this extension only, as `editor.codeActionsOnSave` names it. */
export const FIX_ALL_KIND = 'source.fixAll.httpStatusLens';

/** Commands the VS Code client registers; the server offers them only to a client that says it has them. */
export const Commands = {
  showRuleDocumentation: 'httpStatusLens.showRuleDocumentation',
  showCodeDocumentation: 'httpStatusLens.showCodeDocumentation',
  fixAll: 'httpStatusLens.fixAll',
  showOutput: 'httpStatusLens.showOutput',
} as const;

/** The command the server carries out (executeCommand): lint every file of the workspace (issue 16, desktop only). */
export const LINT_WORKSPACE_COMMAND = 'httpStatusLens.lintWorkspace';

/** `initializationOptions` the client may send. */
export interface InitializationOptions {
  /** Commands the client carries out itself (see Commands), so actions may name them. */
  clientCommands?: string[];
  /** The client answers httpStatusLens/configFiles (below) for documents that are not files on disk. */
  configFiles?: boolean;
  /** The client pulls the workspace's diagnostics (workspace/diagnostic) and merges them with pushed ones. */
  workspaceDiagnostics?: boolean;
}

/** `httpStatusLens/status`: what the server does with one document, for the language status item. */
export const STATUS_REQUEST = 'httpStatusLens/status';

export interface StatusParams {
  uri: string;
}

export interface DocumentStatus {
  /** Whether the document is analysed; when not, `reason` says why. */
  analysed: boolean;
  reason?: string;
  /** The served language, or undefined when the document's language is not one. */
  language?: string;
  /** `code` (a source file) or `openapi` (a spec), when analysed. */
  kind?: string;
  /** Rule ids with their severity (rules set to `off` included). */
  rules: Record<string, string>;
  /** The configuration files that apply, nearest last (paths or uris). */
  configFiles: string[];
  /** Findings in the last check of the document. */
  findings?: number;
}

/**
 * `httpStatusLens/configFiles` (server to client): the `.http-status-lens.json` files from the
 * document's workspace folder down to its folder, outermost first, read through the workspace file system;
 * null when the document is in no workspace folder. Asked in the web for every document, on the desktop for
 * documents of virtual workspaces (`vscode-vfs:`...), when the client said `configFiles` at initialization.
 */
export const CONFIG_FILES_REQUEST = 'httpStatusLens/configFiles';

export interface ConfigFilesResult {
  files: { uri: string; text: string }[];
}
