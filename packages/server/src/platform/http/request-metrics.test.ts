import { describe, expect, it } from 'vitest';
import { Counter, Histogram, Registry } from 'prom-client';
import { LATENCY_BUCKETS, createRequestMetrics } from './request-metrics';

/** Reference: prom-client (the Prometheus client the rest of /metrics uses) given the same answers must
 *  print the same series, so scrapers see no difference between the two. */
async function reference(answers: [string, string, number, number][]) {
  const registry = new Registry();
  const requests = new Counter({ name: 'dayone_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'dayone_http_request_duration_seconds', help: 'Time to answer HTTP requests', labelNames: ['method', 'route'], buckets: [...LATENCY_BUCKETS], registers: [registry] });
  for (const [method, route, status, seconds] of answers) {
    requests.inc({ method, route, status: String(status) });
    latency.observe({ method, route }, seconds);
  }
  return registry.metrics();
}

const sortedLines = (text: string) => text.split('\n').filter((l) => l !== '').sort();

describe('request metrics', () => {
  it('prints what prom-client prints for the same answers, bucket edges included', async () => {
    const answers: [string, string, number, number][] = [
      ['GET', '/api/v1/gates/:service', 200, 0.0004],
      ['GET', '/api/v1/gates/:service', 304, 0.001],
      ['GET', '/api/v1/gates/:service', 200, 0.0025],
      ['GET', '/api/v1/gates/:service', 503, 3],
      ['GET', '/api/v1/gates/:service', 200, 0.26],
      ['POST', '/api/v1/teams', 201, 0.012],
      ['POST', '/api/v1/teams', 400, 0.05],
      ['GET', 'a "quoted" \\ route\nwith a newline', 404, 0.5],
    ];
    const metrics = createRequestMetrics();
    const bound = metrics.bind('GET', '/api/v1/gates/:service');
    for (const [method, route, status, seconds] of answers) {
      if (method === 'GET' && route === '/api/v1/gates/:service') bound(status, seconds);
      else metrics.observe(method, route, status, seconds);
    }
    expect(sortedLines(metrics.text())).toEqual(sortedLines(await reference(answers)));
  });

  it('gives the same observer for the same method and route, and counts statuses apart', () => {
    const metrics = createRequestMetrics();
    expect(metrics.bind('GET', '/x')).toBe(metrics.bind('GET', '/x'));
    for (const status of [200, 304, 200, 500, 304, 200]) metrics.bind('GET', '/x')(status, 0.001);
    const text = metrics.text();
    expect(text).toContain('dayone_http_requests_total{method="GET",route="/x",status="200"} 3');
    expect(text).toContain('dayone_http_requests_total{method="GET",route="/x",status="304"} 2');
    expect(text).toContain('dayone_http_requests_total{method="GET",route="/x",status="500"} 1');
    expect(text).toContain('dayone_http_request_duration_seconds_count{method="GET",route="/x"} 6');
    expect(text).toContain('dayone_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/x"} 6');
  });
});
