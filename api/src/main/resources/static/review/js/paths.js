// Turns an item's reason paths into one graph: the union of their nodes and relationships.

/**
 * A node's identity across paths. Customers, items and entities are themselves wherever they appear. Other customers
 * are never identified, so a group is known by the two nodes it joins and its size: "97 customers" between BANANAS and
 * FLUID MILK on two paths is the same 97 people, while 97 customers elsewhere are not.
 */
export function nodeKey(nodes, i) {
  const node = nodes[i];
  if (node.kind !== 'CUSTOMER_GROUP') {
    return node.kind + ':' + node.id;
  }
  const neighbour = (j) => (j < 0 || j >= nodes.length) ? '-'
      : nodes[j].kind === 'CUSTOMER_GROUP' ? 'group' : nodes[j].kind + ':' + nodes[j].id;
  return 'group:' + neighbour(i - 1) + '|' + neighbour(i + 1) + '|' + node.size;
}

/** A relationship's identity: its start, type and end in the graph's own direction. */
export function edgeKey(source, type, target) {
  return source + ' -' + type + '-> ' + target;
}

/**
 * The union of the reasons' paths: nodes and edges (in first-seen order) with their data, and for each path the keys
 * of its nodes and edges, to highlight one path. Relationship i joins node i and node i + 1; OUT means it points from
 * node i to node i + 1.
 */
export function unionOfPaths(reasons) {
  const nodes = new Map();
  const edges = new Map();
  const paths = reasons.map((reason) => {
    const keys = reason.nodes.map((_, i) => nodeKey(reason.nodes, i));
    reason.nodes.forEach((node, i) => {
      const previous = nodes.get(keys[i]);
      // A node's column is its earliest position on any path; the recommended item is placed last separately.
      const column = previous ? Math.min(previous.column, i) : i;
      nodes.set(keys[i], {key: keys[i], kind: node.kind, id: node.id, name: node.name, size: node.size, column});
    });
    const edgeKeys = reason.relationships.map((relationship, i) => {
      const [source, target] = relationship.direction === 'OUT' ? [keys[i], keys[i + 1]] : [keys[i + 1], keys[i]];
      const key = edgeKey(source, relationship.type, target);
      edges.set(key, {key, source, target, type: relationship.type});
      return key;
    });
    return {nodeKeys: keys, edgeKeys};
  });
  return {nodes: [...nodes.values()], edges: [...edges.values()], paths};
}
