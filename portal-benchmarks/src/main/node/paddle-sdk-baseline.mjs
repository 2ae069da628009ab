// Baseline (c) of the Portal Links benchmarks: Paddle's official Node SDK creating customer portal sessions
// against the stub Paddle. The Java driver starts this script once and sends one JSON line per round on stdin:
//   {"subscriptions": 25, "concurrency": 16, "maxCalls": 100000, "maxMillis": 1500}
// and reads one JSON line per round on stdout: calls, failures, calls per second, latency percentiles (µs) and
// this process's CPU time. Every round is bounded in calls and time. Usage: node paddle-sdk-baseline.mjs BASE_URL
import { Paddle } from '@paddle/paddle-node-sdk';
import { createInterface } from 'node:readline';

const baseUrl = process.argv[2];
if (!baseUrl || !/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) {
  console.error('usage: node paddle-sdk-baseline.mjs http://127.0.0.1:PORT');
  process.exit(2);
}

const CUSTOMER = 'ctm_01gysfvfy7vqhpzkq8rjmrq7an';
const API_KEY = 'pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_BenchmarkKeyValue';
const paddle = new Paddle(API_KEY, { environment: baseUrl });

function subscriptions(count) {
  return Array.from({ length: count }, (_, i) => 'sub_01h04vsc0qhwtsbsxh3422w' + String(i).padStart(3, '0'));
}

function percentile(sorted, fraction) {
  if (sorted.length === 0) {
    return 0;
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index];
}

async function round({ subscriptions: count, concurrency, maxCalls, maxMillis }) {
  const ids = subscriptions(count);
  const latencies = [];
  const failureTypes = {};
  let started = 0;
  let failed = 0;
  const cpuBefore = process.cpuUsage();
  const begin = process.hrtime.bigint();
  const deadline = begin + BigInt(maxMillis) * 1000000n;
  async function caller() {
    while (process.hrtime.bigint() < deadline && started < maxCalls) {
      started++;
      const callStart = process.hrtime.bigint();
      try {
        const session = await paddle.customerPortalSessions.create(CUSTOMER, ids);
        if (session.urls.subscriptions.length !== count) {
          throw new Error('expected ' + count + ' subscription links');
        }
      } catch (error) {
        failed++;
        const type = error?.constructor?.name ?? 'Error';
        failureTypes[type] = (failureTypes[type] ?? 0) + 1;
      }
      latencies.push(Number(process.hrtime.bigint() - callStart) / 1000);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsedMicros = Number(process.hrtime.bigint() - begin) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const succeeded = started - failed;
  return {
    threads: concurrency,
    subscriptions: count,
    calls: started,
    succeeded,
    failed,
    failureTypes,
    elapsedMicros,
    callsPerSecond: succeeded * 1e6 / elapsedMicros,
    p50Micros: percentile(latencies, 0.5),
    p90Micros: percentile(latencies, 0.9),
    p99Micros: percentile(latencies, 0.99),
    maxMicros: latencies.length ? latencies[latencies.length - 1] : 0,
    cpuMicros: cpu.user + cpu.system,
  };
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') {
    continue;
  }
  const request = JSON.parse(line);
  const bounded = {
    subscriptions: Math.min(25, Math.max(0, request.subscriptions | 0)),
    concurrency: Math.min(256, Math.max(1, request.concurrency | 0)),
    maxCalls: Math.min(1000000, Math.max(1, request.maxCalls | 0)),
    maxMillis: Math.min(180000, Math.max(1, request.maxMillis | 0)),
  };
  process.stdout.write(JSON.stringify(await round(bounded)) + '\n');
}
