// `npx vscode-test`: the editor test suite (test/e2e/suite) on desktop VS Code, which
// @vscode/test-electron downloads into .vscode-test/. Run `npm run build` first: the suite
// runs from its bundles in test/e2e/out/suite. Where VS Code cannot be downloaded,
// `npm run test:e2e` runs the same files in code-server (docs/testing.md).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'editor',
  files: 'test/e2e/out/suite/*.test.js',
  version: 'stable',
  // Only this extension (the development one is always loaded), no prompts on a fresh profile.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'bdd', timeout: 60_000 },
});
