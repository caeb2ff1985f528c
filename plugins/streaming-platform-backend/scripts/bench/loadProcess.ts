/*
 * The benchmark's clients, in their own process so they do not share the
 * backend's event loop. Message in: { base, urls, concurrency }; out: the
 * latency of each request in ms.
 */
import http from 'node:http';

process.on('disconnect', () => process.exit(0));
process.on('message', async (message: any) => {
  const { base, urls, concurrency } = message as {
    base: string;
    urls: string[];
    concurrency: number;
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const get = (url: string) =>
    new Promise<void>(resolve => {
      http
        .get(`${base}${url}`, { agent }, res => {
          if (res.statusCode !== 200)
            failures.push(`${url}: ${res.statusCode}`);
          res.resume();
          res.on('end', resolve);
        })
        .on('error', error => {
          failures.push(`${url}: ${error.message}`);
          resolve();
        });
    });
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const started = performance.now();
      await get(url);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  process.send!({ latencies, failures: failures.slice(0, 5) });
});
