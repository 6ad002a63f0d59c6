// The VS Code face of CIDR Lens: starts the language server and offers its commands. No analysis
// happens here; everything the user sees comes from the server over LSP.

import * as path from 'node:path';
import { ExtensionContext, LogOutputChannel, commands, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { MANIFEST_GLOB } from '../../server/src/node/scan';
import { insertFreeSubnet } from './insertFreeSubnet';
import { registerAddressPlan } from './planView';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const outputChannel = window.createOutputChannel('CIDR Lens', { log: true });
  client = new LanguageClient('cidrLens', 'CIDR Lens', serverOptions(context), clientOptions(outputChannel));
  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('cidrLens.restartServer', async () => {
      await client?.restart();
    }),
    commands.registerCommand('cidrLens.showOutput', () => outputChannel.show(true)),
    commands.registerCommand('cidrLens.insertFreeSubnet', async () => {
      if (client) await insertFreeSubnet(client);
    }),
    registerAddressPlan(context, client),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function serverOptions(context: ExtensionContext): ServerOptions {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  return {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
}

function clientOptions(outputChannel: LogOutputChannel): LanguageClientOptions {
  return {
    // Manifests are recognised by content, so every YAML and JSON file is offered to the server; the
    // pattern catches `.yml`/`.json` files that another extension gave a different language id, and
    // the templates of manifests (`*.yaml.j2`, `*.yaml.tpl`, …) that no language claims.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', pattern: MANIFEST_GLOB },
    ],
    synchronize: { configurationSection: 'cidrLens' },
    outputChannel,
  };
}
