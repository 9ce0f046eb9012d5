// A minimal round-robin HTTP reverse proxy for the two-instance benchmark (bench/two-instances.ts):
// what a load balancer in front of several app instances does, without installing one.
//   tsx bench/proxy.ts <port> <upstream-port> [<upstream-port> …]
// Keep-alive to the upstreams, X-Forwarded-For set, bodies and answers piped through unchanged.
import http from 'node:http';

const [port, ...upstreams] = process.argv.slice(2).map(Number);
if (!port || upstreams.length === 0 || [port, ...upstreams].some((p) => !Number.isInteger(p))) {
  console.error('usage: tsx bench/proxy.ts <port> <upstream-port> [<upstream-port> …]');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let next = 0;

const server = http.createServer((req, res) => {
  const target = upstreams[next++ % upstreams.length];
  const upstream = http.request(
    {
      host: '127.0.0.1',
      port: target,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`proxy on ${port} -> ${upstreams.join(', ')}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
