/**
 * Where the browsers under test send every request that is not to 127.0.0.1:
 * a local endpoint that answers them as a proxy that refuses everything.
 */
import { createServer, type Server } from 'node:net';

/**
 * A local endpoint that every non-local request is sent to as if it were a
 * proxy: it answers nothing but 403 and remembers what was asked for.
 */
export async function startRefusingProxy(): Promise<{ port: number; blocked: string[]; close: () => Promise<void> }> {
  const blocked: string[] = [];
  const server: Server = createServer((socket) => {
    socket.once('data', (chunk) => {
      // "CONNECT host:443 HTTP/1.1" or "GET http://host/path HTTP/1.1".
      const target = chunk.toString('latin1').split(' ', 2)[1];
      if (target) blocked.push(target.replace(/^[a-z]+:\/\/([^/]+).*$/i, '$1'));
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The refusing proxy has no port.');
  return { port: address.port, blocked, close: () => new Promise((done) => server.close(() => done())) };
}
