/** The published config schema with its constraints taken out, for VS Code's JSON validation (see editor-schema.mjs). */
export function editorSchema(schema: unknown): unknown;
