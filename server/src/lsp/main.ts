// `cidr-lens-server`: the language server, for VS Code (over IPC) and any LSP editor (`--stdio`).

import { format } from 'node:util';
import { Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { wellFramedMessages } from './framing';
import { startServer } from './server';

/**
 * Over stdio, bytes from the editor pass through `wellFramedMessages` first, so that one badly
 * framed message costs only itself (see framing.ts).
 */
function stdioConnection(): Connection {
  // Bytes flow only once the connection listens, so it exists by the time anything is dropped.
  let connection: Connection | undefined;
  const input = process.stdin.pipe(wellFramedMessages((reason) => connection?.console.error(`dropped a badly framed message: ${reason}`)));
  connection = createConnection(ProposedFeatures.all, input, process.stdout);
  keepStdoutForMessages(connection);
  return connection;
}

/**
 * stdout carries the protocol: anything a library prints there would corrupt it. vscode-languageserver
 * does this itself when it opens stdio on its own; here it is handed the streams, so it is done here.
 */
function keepStdoutForMessages(connection: Connection): void {
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = toLog;
  console.info = toLog;
  console.debug = toLog;
  console.dir = toLog;
  console.table = toLog;
}

if (process.argv.includes('--version')) {
  process.stdout.write('0.1.0\n');
} else {
  startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
}
