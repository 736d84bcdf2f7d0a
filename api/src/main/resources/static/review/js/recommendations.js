// The recommendations section: choose a customer, list their items, and explain the selected one.

import {ApiError, graphql} from './api.js';
import {byId, el, decimal} from './dom.js';
import {clearGraph, drawReasons, highlightPath} from './graph.js';

const RECOMMEND = `
query Recommend($customerId: ID!) {
  customer(id: $customerId) { id interactionCount attributes { key value } }
  recommendations(customerId: $customerId, first: 10) {
    edges { node {
      rank score modelVersion item { id name }
      reasons { kind contribution sentence nodes { kind id name size } relationships { type direction } }
      scoreTerms { name value description }
    } }
  }
}`;

const SUGGEST = `
query Suggest($search: String) {
  customers(search: $search, first: 10) { edges { node { id interactionCount } } }
}`;

let onError = () => {};
let suggestTimer = null;
let items = [];

export function initRecommendations(reportError) {
  onError = reportError;
  byId('customer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showCustomer(byId('customer-input').value.trim());
  });
  byId('customer-input').addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 200);
  });
}

export function clearRecommendations() {
  items = [];
  byId('customer-summary').textContent = '';
  byId('recommendations').replaceChildren();
  byId('customer-suggestions').replaceChildren();
  clearExplanation();
}

async function suggest() {
  const search = byId('customer-input').value.trim();
  try {
    const data = await graphql(SUGGEST, {search});
    byId('customer-suggestions').replaceChildren(...data.customers.edges.map(({node}) =>
      el('option', {value: node.id, label: `${node.id} \u00b7 ${node.interactionCount} items`})));
  } catch (e) {
    // Suggestions are a convenience: a refused key is reported by the calls that matter.
    if (e.code !== 'FORBIDDEN') {
      onError(e);
    }
  }
}

/** Shows a customer's recommendations (also used by the anomaly table). */
export async function showCustomer(customerId) {
  if (!customerId) {
    return;
  }
  byId('customer-input').value = customerId;
  onError(null);
  clearRecommendations();
  byId('customer-summary').textContent = 'Loading\u2026';
  let data;
  try {
    data = await graphql(RECOMMEND, {customerId});
  } catch (e) {
    byId('customer-summary').textContent = '';
    onError(e);
    return;
  }
  const c = data.customer;
  if (!c) {
    // The API answers an unknown id with the cold-start list; the page reviews customers the graph has.
    byId('customer-summary').textContent = '';
    onError(new ApiError(`customer '${customerId}' does not exist`, 'NOT_FOUND', 200));
    return;
  }
  const attributes = c.attributes.map((a) => `${a.key} ${a.value}`).join(', ');
  byId('customer-summary').textContent = `Customer ${c.id}: ${c.interactionCount} items interacted with`
      + (attributes ? `; ${attributes}` : '') + '.';
  items = data.recommendations.edges.map((e) => e.node);
  const list = byId('recommendations');
  list.replaceChildren(...items.map((rec, index) => el('li', {},
      el('button', {type: 'button', className: 'recommendation', 'aria-pressed': 'false',
        dataset: {itemId: rec.item.id, score: String(rec.score)}, onclick: () => selectItem(index)},
      el('span', {className: 'rank', text: rec.rank + '.'}),
      el('span', {className: 'name', text: rec.item.name || rec.item.id}),
      el('span', {className: 'item-id', text: rec.item.id}),
      el('span', {className: 'score', text: decimal(rec.score)})))));
  if (items.length === 0) {
    list.append(el('li', {className: 'empty', text: 'No recommendations: no path leads from this customer to an item.'}));
  }
}

function clearExplanation() {
  byId('explanation-title').textContent = 'Select an item to see its reason paths.';
  clearGraph();
  byId('graph').hidden = true;
  byId('contributions').hidden = true;
  byId('contributions').querySelector('tbody').replaceChildren();
}

function selectItem(index) {
  const rec = items[index];
  for (const button of byId('recommendations').querySelectorAll('button.recommendation')) {
    button.setAttribute('aria-pressed', String(button.dataset.itemId === rec.item.id));
  }
  byId('explanation-title').textContent = `Why ${rec.item.name || rec.item.id} (score ${decimal(rec.score)})`;
  // Shown before drawing: cytoscape sizes the drawing to its container.
  byId('graph').hidden = false;
  drawReasons(byId('graph'), rec.reasons, rec.item.id);
  const rows = rec.reasons.map((reason, i) => el('tr', {className: 'reason', dataset: {value: String(reason.contribution)},
    onmouseenter: () => highlightPath(i), onmouseleave: () => highlightPath(null)},
  el('td', {text: reason.sentence}), el('td', {text: reason.kind.toLowerCase()}),
  el('td', {className: 'number', text: decimal(reason.contribution)})));
  for (const term of rec.scoreTerms) {
    rows.push(el('tr', {className: 'score-term', dataset: {value: String(term.value)}},
        el('td', {text: term.description}), el('td', {text: term.name}),
        el('td', {className: 'number', text: decimal(term.value)})));
  }
  const table = byId('contributions');
  table.querySelector('tbody').replaceChildren(...rows);
  const sum = [...rec.reasons.map((r) => r.contribution), ...rec.scoreTerms.map((t) => t.value)]
      .reduce((a, b) => a + b, 0);
  const total = byId('contribution-total');
  total.dataset.value = String(sum);
  // The explanation is the score: the parts must add up, and the page says so if they ever do not.
  total.textContent = Math.abs(sum - rec.score) <= 1e-6 * Math.max(1, Math.abs(rec.score))
    ? decimal(sum) : `${decimal(sum)} (but the item's score is ${decimal(rec.score)})`;
  table.hidden = false;
}
