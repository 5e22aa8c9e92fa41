/**
 * Rule help: the documentation of a rule code in the user's language (docs/rules.zh-CN.md or
 * docs/rules.md), rendered beside the report and scrolled to the rule. A diagnostic's code
 * links here from the Problems panel and the editor's hover through the extension's URI
 * handler (`<scheme>://govreport.govreport/rules/<code>`): the workbench opens its own
 * scheme's links in every place a diagnostic's link is shown, command links only in some.
 * "GovReport: Rule Help…" picks a rule from the list.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CODES, isRuleCode, pickLocale, RULE_CODES, type Locale } from '../../server/src/core';
import { ruleHelpBody, ruleHelpPage } from './ruleHelpPage';

export const RULE_HELP_VIEW_TYPE = 'govreport.ruleHelp';

const DOCS: Record<Locale, string> = { 'zh-CN': 'rules.zh-CN.md', en: 'rules.md' };

/** The link a diagnostic of `code` carries in this editor. */
export function ruleHelpUri(extension: vscode.Extension<unknown>, code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: extension.id, path: `/rules/${code}` });
}

export class RuleHelp implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private locale: Locale = pickLocale(vscode.env.language);
  private shown: { locale: Locale; code: string } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the help at `code`, beside the active editor (or where the help already is), keeping the focus there. */
  async show(code: string, locale: Locale = this.locale): Promise<void> {
    const markdown = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', DOCS[locale])),
    );
    const title = vscode.l10n.t('Rule: {0}', code);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        RULE_HELP_VIEW_TYPE,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          enableCommandUris: false,
          enableForms: false,
          enableFindWidget: true,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon-file.svg');
      this.subscriptions.push(
        this.panel.onDidDispose(() => {
          this.panel = undefined;
          this.shown = undefined;
        }),
        this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      );
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = title;
    this.locale = locale;
    // A new page each time: a hidden webview is discarded, and a message to it would be lost.
    this.panel.webview.html = this.page(markdown, code, locale);
    this.shown = { locale, code };
  }

  private page(markdown: string, code: string, locale: Locale): string {
    const webview = this.panel!.webview;
    const media = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    return ruleHelpPage({
      body: ruleHelpBody(markdown),
      code,
      lang: locale,
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: media('ruleHelp.js'),
      styleUri: media('ruleHelp.css'),
    });
  }

  /** A link clicked in the page: the other language's page, or a web page outside. */
  private onMessage(raw: unknown): void {
    const m = raw as { type?: unknown; href?: unknown; code?: unknown };
    if (m?.type !== 'open' || typeof m.href !== 'string') return;
    const code = typeof m.code === 'string' && isRuleCode(m.code) ? m.code : (this.shown?.code ?? RULE_CODES[0]);
    const other = (Object.entries(DOCS) as [Locale, string][]).find(([, file]) => m.href === file);
    if (other) void this.show(code, other[0]);
    else if (/^https?:\/\//.test(m.href)) void vscode.env.openExternal(vscode.Uri.parse(m.href));
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}

export function registerRuleHelp(context: vscode.ExtensionContext): RuleHelp {
  const help = new RuleHelp(context.extensionUri);
  const locale = pickLocale(vscode.env.language);
  context.subscriptions.push(
    help,
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        const code = /^\/rules\/([a-z][a-z0-9-]*)$/.exec(uri.path)?.[1];
        if (code && isRuleCode(code)) void help.show(code);
      },
    }),
    vscode.commands.registerCommand('govreport.showRuleHelp', async (given?: unknown) => {
      if (typeof given === 'string' && isRuleCode(given)) return help.show(given);
      const picked = await vscode.window.showQuickPick(
        RULE_CODES.map((code) => ({ label: code, description: CODES[code].title[locale], code })),
        { placeHolder: vscode.l10n.t('Which rule?'), matchOnDescription: true },
      );
      if (picked) await help.show(picked.code);
    }),
  );
  return help;
}
