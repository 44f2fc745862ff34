import { useEffect, useState } from 'react';
import type { CatalogGraph } from './catalog-api';
import { layoutGraph, type GraphLayout } from './graph-layout';
import type { LayoutReply, LayoutRequest } from './graph-layout-worker';

/** The graph's layout, computed in a Web Worker so panning, typing and clicking never wait for it;
 *  null until it is ready. Where workers are unavailable it is computed on the page. */
export function useGraphLayout(graph: CatalogGraph): GraphLayout | null {
  const [result, setResult] = useState<{ graph: CatalogGraph; layout: GraphLayout } | null>(null);
  useEffect(() => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./graph-layout-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      setResult({ graph, layout: layoutGraph(graph) });
      return;
    }
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      setResult({ graph, layout: { direction: event.data.direction, positions: new Map(event.data.positions) } });
      worker.terminate();
    };
    worker.onerror = () => {
      setResult({ graph, layout: layoutGraph(graph) });
      worker.terminate();
    };
    const request: LayoutRequest = { graph };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [graph]);
  return result?.graph === graph ? result.layout : null;
}
