import autocannon from "autocannon";
import { Histogram } from "../lib/histogram";

export type Load = {
  requestsPerSecond: number;
  /** Latency of the 2xx responses, from sending to the last byte, in ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Bytes received per 2xx response (compressed, as sent). */
  bytesPerRequest: number;
  /** How long the unmeasured warm-up lasted. */
  warmupSeconds: number;
};

/** Longest warm-up: a page this slow fails loudly below instead of stretching the run. */
const MAX_WARMUP_MS = 15_000;

/**
 * `connections` keep-alive connections each sending the next request as soon as the last
 * answer arrived (closed loop); the headers are a browser's (compressed responses, Armenian
 * interface). One continuous load: the warm-up lasts at least `minWarmupSeconds` and until
 * every connection has had an answer (the closed loop's steady state: with 50 connections on a
 * page of 2 s latency, a measurement started earlier would count only the first wave of
 * answers), then the `seconds` measured follow without a gap. Two separate autocannon runs
 * would not do: the server keeps working on the requests the warm-up left in flight, which
 * would eat the start of the measured run. `atMeasureStart` runs when the measurement starts.
 */
export function hammer(options: {
  url: string;
  connections: number;
  seconds: number;
  minWarmupSeconds: number;
  headers?: Record<string, string>;
  atMeasureStart?: () => void;
}): Promise<Load> {
  const latencies = new Histogram();
  const answered = new Set<unknown>();
  const started = performance.now();
  let measureStart = 0;
  let requests = 0;
  let non2xx = 0;
  let errors = 0;
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const startMeasuring = () => {
      measureStart = performance.now();
      options.atMeasureStart?.();
      setTimeout(() => instance.stop(), options.seconds * 1000);
    };
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        // Stopped by hand; this only bounds a run whose warm-up never ends.
        duration: (MAX_WARMUP_MS + options.seconds * 1000) / 1000 + 5,
        headers: { "accept-encoding": "gzip, deflate, br", "accept-language": "hy", ...options.headers },
      },
      (error) => {
        clearInterval(warmup);
        if (error) return reject(error);
        if (!measureStart) return reject(new Error(`${options.url}: not every connection was answered`));
        const elapsed = (performance.now() - measureStart) / 1000;
        resolve({
          requestsPerSecond: requests / elapsed,
          p50Ms: latencies.percentile(50),
          p99Ms: latencies.percentile(99),
          maxMs: latencies.percentile(100),
          requests,
          non2xx,
          errors,
          bytesPerRequest: latencies.count ? bytes / latencies.count : 0,
          warmupSeconds: (measureStart - started) / 1000,
        });
      },
    );
    instance.on("response", (client, statusCode, resBytes, responseTime) => {
      if (!measureStart) {
        answered.add(client);
        return;
      }
      requests++;
      if (statusCode >= 200 && statusCode < 300) {
        latencies.record(responseTime);
        bytes += resBytes;
      } else {
        non2xx++;
      }
    });
    instance.on("reqError", () => {
      if (measureStart) errors++;
    });
    const warmup = setInterval(() => {
      const elapsed = performance.now() - started;
      if (measureStart || elapsed < options.minWarmupSeconds * 1000) return;
      if (answered.size >= options.connections) {
        clearInterval(warmup);
        startMeasuring();
      } else if (elapsed > MAX_WARMUP_MS) {
        clearInterval(warmup);
        instance.stop();
      }
    }, 20);
  });
}
