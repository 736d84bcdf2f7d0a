// The anomaly section: open and confirmed flags, most anomalous first, a page at a time.

import {graphql} from './api.js';
import {byId, el, decimal} from './dom.js';

const FLAGS = `
query Flags($after: String) {
  flaggedCustomers(first: 20, after: $after) {
    edges { cursor node { customerId anomaly kind scope score status summary members targetItem { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let after = null;
let onChooseCustomer = () => {};
let onError = () => {};

export function initFlags(chooseCustomer, reportError) {
  onChooseCustomer = chooseCustomer;
  onError = reportError;
  byId('flags-more').addEventListener('click', () => loadFlags(false));
}

export function clearFlags() {
  after = null;
  byId('flags').querySelector('tbody').replaceChildren();
  byId('flags').hidden = true;
  byId('flags-more').hidden = true;
  byId('flags-status').textContent = '';
}

/** Loads the first page (or the next one); rejects when the key itself is refused, so sign-in can check it. */
export async function loadFlags(first = true) {
  if (first) {
    clearFlags();
  }
  const status = byId('flags-status');
  let page;
  try {
    page = (await graphql(FLAGS, {after})).flaggedCustomers;
  } catch (e) {
    if (e.code === 'FORBIDDEN') {
      status.textContent = 'Your role may not see anomaly flags: they are for reviewers and administrators.';
      return;
    }
    if (e.code === 'UNAUTHENTICATED') {
      throw e;
    }
    status.textContent = 'The flags could not be loaded.';
    onError(e);
    return;
  }
  const body = byId('flags').querySelector('tbody');
  for (const {node} of page.edges) {
    body.append(el('tr', {dataset: {customerId: node.customerId}},
        el('td', {}, el('button', {type: 'button', className: 'link', text: node.customerId,
          title: 'Show this customer\u2019s recommendations', onclick: () => onChooseCustomer(node.customerId)})),
        el('td', {text: node.kind}),
        el('td', {className: 'number', text: decimal(node.score)}),
        el('td', {text: node.status}),
        el('td', {className: 'number', text: node.members}),
        el('td', {text: node.targetItem ? (node.targetItem.name || node.targetItem.id) : '\u2014'}),
        el('td', {text: node.summary})));
  }
  after = page.pageInfo.endCursor;
  byId('flags-more').hidden = !page.pageInfo.hasNextPage;
  const rows = body.children.length;
  byId('flags').hidden = rows === 0;
  status.textContent = rows === 0 ? 'No open or confirmed anomaly flags.'
      : `${rows} flag${rows === 1 ? '' : 's'} shown, most anomalous first.`;
}
