// Builds DOM nodes from data safely: text goes in through textContent and attribute values only, never as markup.

/**
 * Creates an element. props: text (its text), className, dataset (an object), on<event> (a listener), anything else
 * as an attribute (true for an empty attribute, false/null/undefined to leave out). Children are nodes or text.
 */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** Like el, for SVG elements. */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG, tag), props, children);
}

function build(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'text') {
      node.textContent = String(value);
    } else if (key === 'className') {
      node.setAttribute('class', value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** A score or contribution for reading; the exact value travels in data-value. */
export function decimal(x) {
  return Number(x).toFixed(4);
}

/** A share (0 to 1) as a percentage. */
export function percent(x) {
  return (Number(x) * 100).toFixed(1) + '%';
}
