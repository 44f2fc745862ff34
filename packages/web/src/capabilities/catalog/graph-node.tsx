import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type GraphDirection } from './graph-layout';

export type GraphRole = 'selected' | 'dependency' | 'dependent' | 'both' | 'dimmed' | 'plain';

export type EntityNodeData = {
  label: string;
  kind: string;
  ownerTeam: string | null;
  exists: boolean;
  focus: boolean;
  role: GraphRole;
  direction: GraphDirection;
};
export type EntityNode = Node<EntityNodeData, 'entity'>;

const looks: Record<GraphRole, { border: string; background: string; opacity: number }> = {
  selected: { border: 'var(--mantine-color-indigo-7)', background: 'var(--mantine-color-indigo-0)', opacity: 1 },
  dependency: { border: 'var(--mantine-color-blue-6)', background: 'var(--mantine-color-blue-0)', opacity: 1 },
  dependent: { border: 'var(--mantine-color-orange-6)', background: 'var(--mantine-color-orange-0)', opacity: 1 },
  both: { border: 'var(--mantine-color-grape-6)', background: 'var(--mantine-color-grape-0)', opacity: 1 },
  dimmed: { border: 'var(--mantine-color-gray-4)', background: 'var(--mantine-color-white)', opacity: 0.35 },
  plain: { border: 'var(--mantine-color-gray-5)', background: 'var(--mantine-color-white)', opacity: 1 },
};

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const hidden = { opacity: 0 };

/** One entity in the dependency graph: its name, kind and owner; a dangling one has a dashed border.
 *  Plain elements rather than components: hundreds of these are drawn at once. */
export const GraphEntityNode = memo(function GraphEntityNode({ data }: NodeProps<EntityNode>) {
  const look = looks[data.role];
  const [into, outOf] = data.direction === 'LR' ? [Position.Left, Position.Right] : [Position.Top, Position.Bottom];
  return (
    <div
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        boxSizing: 'border-box',
        padding: '6px 10px',
        border: `${data.role === 'selected' || data.focus ? 3 : 1.5}px ${data.exists ? 'solid' : 'dashed'} ${look.border}`,
        borderRadius: 8,
        background: look.background,
        opacity: look.opacity,
        fontFamily: 'var(--mantine-font-family)',
      }}
    >
      <Handle type="target" position={into} isConnectable={false} style={hidden} />
      <div title={data.label} style={{ ...ellipsis, fontSize: 14, fontWeight: 600, lineHeight: 1.4 }}>
        {data.label}
      </div>
      <div style={{ ...ellipsis, fontSize: 12, lineHeight: 1.6, color: 'var(--mantine-color-dimmed)' }}>
        <span
          style={{
            fontSize: 10,
            fontWeight: 700,
            textTransform: 'uppercase',
            padding: '1px 6px',
            marginRight: 6,
            borderRadius: 999,
            color: data.exists ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-orange-8)',
            background: data.exists ? 'var(--mantine-color-indigo-1)' : 'var(--mantine-color-orange-1)',
          }}
        >
          {data.kind}
        </span>
        {data.exists ? data.ownerTeam ?? 'no owner team' : 'not in the catalog'}
      </div>
      <Handle type="source" position={outOf} isConnectable={false} style={hidden} />
    </div>
  );
});
