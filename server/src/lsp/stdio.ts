/**
 * Messages to a client over stdio, each written whole in one write, in the call that sends it.
 * vscode-jsonrpc's stream writer writes the header and the body separately and the body only
 * after the header's write has completed, one turn of the event loop later: a client then holds
 * half a message while the server goes on to its next piece of work (the next check, a
 * collection), and every message costs two system calls.
 */
import type { Writable } from 'node:stream';
import { format } from 'node:util';
import {
  AbstractMessageWriter,
  type Connection,
  createConnection,
  type Message,
  type MessageWriter,
  ProposedFeatures,
  StreamMessageReader,
} from 'vscode-languageserver/node';

/**
 * The connection over stdin/stdout: what the library makes for `--stdio`, with the writer below.
 * As there, `console` goes to the client's log (stdout carries the protocol), and the process
 * ends when its input does (`ended`).
 */
export function stdioConnection(ended: () => void): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new WholeMessageWriter(process.stdout),
  );
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  const to =
    (log: (message: string) => void) =>
    (...args: unknown[]) =>
      log(format(...args));
  console.log = console.info = to((m) => connection.console.log(m));
  console.debug = console.trace = to((m) => connection.console.debug(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
  return connection;
}

export class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: Writable) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => {
      this.out.write(bytes, (error) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}
