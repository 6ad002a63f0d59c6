// The VS Code face of CIDR Lens: starts the language server and offers its commands. No analysis
// happens here; everything the user sees comes from the server over LSP.

import * as path from 'node:path';
import { ExtensionContext, commands, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = window.createOutputChannel('CIDR Lens', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', pattern: '**/*.{yaml,yml,json}' },
    ],
    synchronize: { configurationSection: 'cidrLens' },
    outputChannel,
  };
  client = new LanguageClient('cidrLens', 'CIDR Lens', serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('cidrLens.restartServer', async () => {
      await client?.restart();
    }),
    commands.registerCommand('cidrLens.showOutput', () => outputChannel.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
