// Draws reason paths with cytoscape.js (from its WebJar): customer on the left, the recommended item on the right.

import {unionOfPaths} from './paths.js';

const COLUMN_WIDTH = 190;
const ROW_HEIGHT = 64;

const STYLE = [
  {selector: 'node', style: {
    'label': 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 150, 'text-valign': 'bottom',
    'text-margin-y': 4, 'width': 22, 'height': 22, 'background-color': '#7a869a', 'color': '#1d2330'}},
  {selector: 'node[kind = "CUSTOMER"]', style: {'shape': 'round-rectangle', 'background-color': '#2f6fb3'}},
  {selector: 'node[kind = "ITEM"]', style: {'shape': 'ellipse', 'background-color': '#3c9a5f'}},
  {selector: 'node[kind = "ENTITY"]', style: {'shape': 'diamond', 'background-color': '#d08a1e'}},
  {selector: 'node[kind = "CUSTOMER_GROUP"]', style: {
    'shape': 'hexagon', 'background-color': '#8c6bb1', 'width': 'data(diameter)', 'height': 'data(diameter)'}},
  {selector: 'node.recommended', style: {'border-width': 4, 'border-color': '#1d2330'}},
  {selector: 'edge', style: {
    'label': 'data(type)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
    'width': 1.5, 'line-color': '#a3acb9', 'target-arrow-color': '#a3acb9', 'text-rotation': 'autorotate',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1}},
  {selector: '.faded', style: {'opacity': 0.15}},
  {selector: 'edge.highlighted', style: {'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'width': 3}},
];

let current = null;
let currentPaths = [];

/** The cytoscape instance on the page, or null before an item is selected (the test reads the drawing from it). */
export function currentGraph() {
  return current;
}

/** Removes the drawing. */
export function clearGraph() {
  if (current) {
    current.destroy();
    current = null;
  }
  currentPaths = [];
}

/** Replaces the drawing with the union of the item's reason paths. */
export function drawReasons(container, reasons, itemId) {
  clearGraph();
  const union = unionOfPaths(reasons);
  currentPaths = union.paths;
  const rows = new Map();
  const lastColumn = Math.max(1, ...union.nodes.map((n) => n.column));
  const placed = union.nodes.map((node) => {
    const recommended = node.kind === 'ITEM' && node.id === itemId;
    const column = recommended ? lastColumn + 1 : node.column;
    const row = rows.get(column) || 0;
    rows.set(column, row + 1);
    return {node, recommended, column, row};
  });
  const elements = placed.map(({node, recommended, column, row}) => ({
    group: 'nodes',
    data: {id: node.key, kind: node.kind, label: node.name, size: node.size,
      diameter: node.kind === 'CUSTOMER_GROUP' ? 18 + 6 * Math.log10(1 + node.size) : 22},
    classes: recommended ? 'recommended' : '',
    position: {x: column * COLUMN_WIDTH, y: (row - ((rows.get(column) - 1) / 2)) * ROW_HEIGHT},
  }));
  for (const edge of union.edges) {
    elements.push({group: 'edges', data: {id: edge.key, source: edge.source, target: edge.target, type: edge.type}});
  }
  current = window.cytoscape({
    container, elements, style: STYLE, layout: {name: 'preset', fit: true, padding: 24},
    minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false,
  });
  return current;
}

/** Emphasises one path (by its index among the reasons); null shows all equally. */
export function highlightPath(index) {
  if (!current) {
    return;
  }
  current.elements().removeClass('faded highlighted');
  if (index === null || !currentPaths[index]) {
    return;
  }
  const path = currentPaths[index];
  const onPath = current.collection();
  for (const key of [...path.nodeKeys, ...path.edgeKeys]) {
    onPath.merge(current.getElementById(key));
  }
  current.elements().difference(onPath).addClass('faded');
  onPath.edges().addClass('highlighted');
}
