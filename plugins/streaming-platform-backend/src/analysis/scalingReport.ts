/** One vertex's parallelism change in a ScalingReport. */
export interface VertexParallelismChange {
  vertex: string;
  from: number;
  to: number;
}

/** A parsed ScalingReport event message. */
export interface ScalingReport {
  /** False when scaling was only recommended (disabled by config or an excluded period). */
  executed: boolean;
  vertices: VertexParallelismChange[];
}

/*
 * The Flink operator's autoscaler writes (release 1.15, ScalingExecutor):
 *   Scaling execution enabled, begin scaling vertices:{ Vertex ID <hex> |
 *   Parallelism <a> -> <b> | Processing capacity <x> -> <y> | Target data
 *   rate <z>}{ Vertex ID ... }
 * or, when it only recommends, "Scaling execution disabled by config
 * <key>:<value>, recommended parallelism change:" and the same blocks.
 */
const HEADER = /scaling\s+execution\s+(enabled|disabled)/i;
// A block runs to its closing brace, or to the end of a truncated message.
const BLOCK = /\{([^{}]*)(?:\}|$)/g;
const VERTEX_ID = /^\s*vertex\s*id\s*[:=]?\s*(.*?)\s*$/i;
const PARALLELISM = /^\s*parallelism\s*[:=]?\s*(\d+)\s*->\s*(\d+)\s*$/i;

function parseBlock(block: string): VertexParallelismChange | undefined {
  let vertex: string | undefined;
  let change: { from: number; to: number } | undefined;
  // Fields are `|`-separated; unknown ones (and their order) do not matter.
  for (const field of block.split('|')) {
    const id = VERTEX_ID.exec(field);
    if (id && id[1]) {
      vertex = id[1];
      continue;
    }
    const parallelism = PARALLELISM.exec(field);
    if (parallelism) {
      change = { from: Number(parallelism[1]), to: Number(parallelism[2]) };
    }
  }
  return vertex !== undefined && change ? { vertex, ...change } : undefined;
}

/**
 * Parses the message of the autoscaler's `ScalingReport` event: whether the
 * change was executed and each vertex's parallelism before and after.
 * Returns undefined for a message that is not a scaling report; never
 * throws.
 */
export function parseScalingReport(
  message: string | undefined,
): ScalingReport | undefined {
  if (typeof message !== 'string') return undefined;
  const braceAt = message.indexOf('{');
  const header = braceAt === -1 ? message : message.slice(0, braceAt);
  const vertices: VertexParallelismChange[] = [];
  for (const match of message.matchAll(BLOCK)) {
    const vertex = parseBlock(match[1]);
    if (vertex) vertices.push(vertex);
  }
  const headerMatch = HEADER.exec(header);
  if (!headerMatch && vertices.length === 0) return undefined;
  // Without a known header, blocks alone are taken as executed unless the
  // text says they were only recommended.
  const executed = headerMatch
    ? headerMatch[1].toLowerCase() === 'enabled'
    : !/disabled|recommend/i.test(header);
  return { executed, vertices };
}
