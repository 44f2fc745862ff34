import type { CatalogGraph } from './catalog-api';
import { layoutGraph } from './graph-layout';

export type LayoutRequest = { graph: CatalogGraph };
export type LayoutReply = { direction: 'LR' | 'TB'; positions: [string, { x: number; y: number }][] };

// Runs dagre off the page's thread: a large, dense neighbourhood can take seconds to lay out.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { direction, positions } = layoutGraph(event.data.graph);
  const reply: LayoutReply = { direction, positions: [...positions] };
  self.postMessage(reply);
};
