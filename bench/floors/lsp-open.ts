/**
 * Floor of an open: a language server over stdio, on the same vscode-languageserver as ours, that does no
 * work at all: it publishes empty diagnostics the moment a document opens. Timed from didOpen to that
 * publish, it is what the protocol itself costs an open (the editor serializes the text into one message,
 * the pipe carries it, the server decodes it), which the CLI, reading the file, never pays.
 */
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidOpen(({ document }) => void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] }));
documents.listen(connection);
connection.listen();
