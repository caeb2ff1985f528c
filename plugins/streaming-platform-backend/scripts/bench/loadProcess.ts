/*
 * The benchmark's clients, in their own process so they do not share the
 * backend's event loop. Message in: { base, urls, concurrency }; out: the
 * latency of each request in ms.
 *
 * `concurrency` keep-alive connections, one request in flight on each, as
 * that many browsers would have. They are undici's, not node:http's: on this
 * 2-core machine node:http's client spent ~200 µs per request and was itself
 * the bottleneck (a bare node:http server measured p95 16–24 ms through it);
 * undici's leaves the CPU to the server being measured.
 */
import { Pool } from 'undici';

process.on('disconnect', () => process.exit(0));
process.on('message', async (message: any) => {
  const { base, urls, concurrency } = message as {
    base: string;
    urls: string[];
    concurrency: number;
  };
  const pool = new Pool(base, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const started = performance.now();
      try {
        const res = await pool.request({ path: url, method: 'GET' });
        if (res.statusCode !== 200) failures.push(`${url}: ${res.statusCode}`);
        await res.body.dump();
      } catch (error) {
        failures.push(`${url}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await pool.close();
  process.send!({ latencies, failures: failures.slice(0, 5) });
});
