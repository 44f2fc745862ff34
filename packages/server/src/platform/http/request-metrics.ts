/** The two request metrics of /metrics, `dayone_http_requests_total` and
 *  `dayone_http_request_duration_seconds`, kept here rather than in prom-client: every answer counts in
 *  them, and prom-client rebuilds and checks a label key on each count. Here a series is found once per
 *  method, route and status and then counted with a few additions, and the text is written only when
 *  /metrics is read, in Prometheus's exposition format. */

/** Upper bounds of the latency histogram, in seconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

/** Counts answers of one method, route and status. */
export type StatusObserver = (status: number, seconds: number) => void;

interface Latency {
  labels: string;
  /** Per bucket, the answers that fell in it (not cumulative); the last one is +Inf. */
  buckets: Float64Array;
  sum: number;
  count: number;
}

interface Counted {
  labels: string;
  count: number;
}

/** A label value as the exposition format wants it: backslash, double quote and newline escaped. */
const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Prometheus formats numbers as Go does: +Inf, and plain decimals otherwise. */
const formatNumber = (n: number) => (n === Infinity ? '+Inf' : String(n));

function bucketOf(seconds: number): number {
  let i = 0;
  while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]) i++;
  return i;
}

export function createRequestMetrics() {
  /** By `method route`: the latency series; by `method route status`: the counter series. */
  const latencies = new Map<string, Latency>();
  const counts = new Map<string, Counted>();
  const bound = new Map<string, StatusObserver>();

  function latencyOf(method: string, route: string): Latency {
    const key = `${method} ${route}`;
    let series = latencies.get(key);
    if (!series) {
      series = { labels: `method="${escapeLabel(method)}",route="${escapeLabel(route)}"`, buckets: new Float64Array(LATENCY_BUCKETS.length + 1), sum: 0, count: 0 };
      latencies.set(key, series);
    }
    return series;
  }

  function countedOf(latency: Latency, method: string, route: string, status: number): Counted {
    const key = `${method} ${route} ${status}`;
    let series = counts.get(key);
    if (!series) {
      series = { labels: `${latency.labels},status="${status}"`, count: 0 };
      counts.set(key, series);
    }
    return series;
  }

  /** An observer for one method and route, which keeps its series at hand: the status varies, and
   *  almost always is one of the last two seen. */
  function bind(method: string, route: string): StatusObserver {
    const key = `${method} ${route}`;
    const known = bound.get(key);
    if (known) return known;
    const latency = latencyOf(method, route);
    let lastStatus = -1;
    let last: Counted | undefined;
    let otherStatus = -1;
    let other: Counted | undefined;
    const observer: StatusObserver = (status, seconds) => {
      let counted: Counted;
      if (status === lastStatus) counted = last!;
      else if (status === otherStatus) counted = other!;
      else {
        otherStatus = lastStatus;
        other = last;
        lastStatus = status;
        last = countedOf(latency, method, route, status);
        counted = last;
      }
      counted.count++;
      latency.buckets[bucketOf(seconds)]++;
      latency.sum += seconds;
      latency.count++;
    };
    bound.set(key, observer);
    return observer;
  }

  return {
    bind,

    /** Counts one answer. */
    observe(method: string, route: string, status: number, seconds: number): void {
      bind(method, route)(status, seconds);
    },

    /** Both metrics in the exposition format, ending in a newline. */
    text(): string {
      const lines = ['# HELP dayone_http_requests_total HTTP requests answered', '# TYPE dayone_http_requests_total counter'];
      for (const series of counts.values()) lines.push(`dayone_http_requests_total{${series.labels}} ${series.count}`);
      lines.push('', '# HELP dayone_http_request_duration_seconds Time to answer HTTP requests', '# TYPE dayone_http_request_duration_seconds histogram');
      for (const series of latencies.values()) {
        let cumulative = 0;
        for (let i = 0; i <= LATENCY_BUCKETS.length; i++) {
          cumulative += series.buckets[i];
          const le = formatNumber(i < LATENCY_BUCKETS.length ? LATENCY_BUCKETS[i] : Infinity);
          lines.push(`dayone_http_request_duration_seconds_bucket{le="${le}",${series.labels}} ${cumulative}`);
        }
        lines.push(`dayone_http_request_duration_seconds_sum{${series.labels}} ${series.sum}`);
        lines.push(`dayone_http_request_duration_seconds_count{${series.labels}} ${series.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
export type RequestMetrics = ReturnType<typeof createRequestMetrics>;
