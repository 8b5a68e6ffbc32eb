/** The ignore layers of a walk live with the workspace layer, which the CLI and the editor share. */
export { BUILT_IN_IGNORES, gitLayersAbove, gitignoreIn } from '../workspace/gitignore';
