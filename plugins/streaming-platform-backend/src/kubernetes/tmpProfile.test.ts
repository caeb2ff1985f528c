import { PlatformEmulator } from '@internal/platform-emulator';
import http from 'node:http';

jest.setTimeout(600_000);
it('profiles', async () => {
  const emulator = await PlatformEmulator.start({ scenario: 'fleet-L', clock: 'manual', startMs: Date.UTC(2026, 10, 28, 8) });
  emulator.advance(30 * 60_000);
  const c = emulator.clusters[0];
  for (const agent of [new http.Agent(), new http.Agent({ keepAlive: true }), new http.Agent(), new http.Agent({ keepAlive: true })]) {
    const t = performance.now();
    let cont: string | undefined; let pages = 0;
    do {
      const q = new URLSearchParams({ limit: '500' }); if (cont) q.set('continue', cont);
      const page: any = await new Promise((resolve, reject) => {
        http.get(`${c.url}/api/v1/pods?${q}`, { agent }, res => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        }).on('error', reject);
      });
      cont = page.metadata.continue; pages++;
    } while (cont);
    console.log(`keepAlive ${agent.keepAlive} pages ${pages} ${Math.round(performance.now() - t)} ms`);
  }
  await emulator.stop();
});
