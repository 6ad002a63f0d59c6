// `cidr-lens-server`: the language server, for VS Code (over IPC) and any LSP editor (`--stdio`).

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write('0.1.0\n');
} else {
  startServer(createConnection(ProposedFeatures.all));
}
