// The audit section: runs the bias and fairness audit and draws its figures as bar charts.

import {graphql} from './api.js';
import {barChart} from './charts.js';
import {byId, el, decimal, percent} from './dom.js';

const AUDIT = `
query Audit($input: AuditInput) {
  audit(input: $input) {
    generatedAt source k customers catalogItems itemGroupBy headShare notes
    configurations {
      label settings
      popularity { averagePopularity longTailShare catalogueLongTailInteractions gini coverage }
      explanation { itemsWithPath meanPathsPerItem kindEntropyBits throughOtherCustomers shownShareOfScore
                    kindShares { kind share } }
      itemGroups { group exposureShare interactionShare }
      customerGroups { attribute groups { group customers longTailShare itemsWithPath } }
    }
  }
}`;

/** At most this many item groups are drawn, the most consumed first (the order the report gives). */
const MAX_GROUPS = 15;

export function initAudit(onError) {
  byId('audit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = byId('audit-status');
    const button = byId('audit-run');
    button.disabled = true;
    onError(null);
    status.textContent = 'Running the audit…';
    try {
      const data = await graphql(AUDIT, {input: auditInput()});
      render(data.audit);
      status.textContent = `Audited ${data.audit.customers} customers at ${data.audit.generatedAt}.`;
    } catch (e) {
      status.textContent = 'The audit failed.';
      onError(e);
    } finally {
      button.disabled = false;
    }
  });
}

export function clearAudit() {
  byId('audit-summary').replaceChildren();
  byId('audit-charts').replaceChildren();
  byId('audit-notes').replaceChildren();
}

function auditInput() {
  const input = {k: Number(byId('audit-k').value), sample: Number(byId('audit-sample').value)};
  const itemGroup = byId('audit-item-group').value.trim();
  if (itemGroup) {
    input.itemGroup = itemGroup;
  }
  input.customerAttributes = byId('audit-customer-attributes').value.split(',').map((s) => s.trim())
      .filter((s) => s.length > 0);
  return input;
}

function render(report) {
  const configs = report.configurations;
  const labels = configs.map((c) => c.label);
  const summary = byId('audit-summary');
  summary.replaceChildren();
  const facts = [
    ['Source', report.source], ['Customers audited', report.customers], ['Catalogue items', report.catalogItems],
    ['List length', report.k], ['Head (most popular share of catalogue)', percent(report.headShare)],
    ['Customers\u2019 interactions with long-tail items', percent(configs[0].popularity.catalogueLongTailInteractions)],
    ...configs.map((c) => ['Average popularity, ' + c.label, decimal(c.popularity.averagePopularity)]),
  ];
  for (const [term, value] of facts) {
    summary.append(el('dt', {text: term}), el('dd', {text: value}));
  }

  const charts = [
    barChart('Popularity bias', labels, [
      {label: 'Long-tail share of slots', values: configs.map((c) => c.popularity.longTailShare)},
      {label: 'Catalogue coverage', values: configs.map((c) => c.popularity.coverage)},
      {label: 'Gini of exposure', values: configs.map((c) => c.popularity.gini)},
    ]),
    barChart('Explanation quality', labels, [
      {label: 'Items with a reason path', values: configs.map((c) => c.explanation.itemsWithPath)},
      {label: 'Paths through other customers', values: configs.map((c) => c.explanation.throughOtherCustomers)},
      {label: 'Share of score shown as paths', values: configs.map((c) => c.explanation.shownShareOfScore)},
    ]),
    barChart('Reason path kinds', labels, kinds(configs)),
  ];
  if (configs[0].itemGroups.length > 0) {
    const groups = configs[0].itemGroups.slice(0, MAX_GROUPS).map((g) => g.group);
    charts.push(barChart('Exposure by item group (' + report.itemGroupBy + ')',
        ['customers\u2019 interactions', ...labels.map((l) => 'exposure, ' + l)],
        groups.map((group) => ({label: group, values: [
          configs[0].itemGroups.find((g) => g.group === group).interactionShare,
          ...configs.map((c) => (c.itemGroups.find((g) => g.group === group) || {}).exposureShare ?? null)]}))));
  }
  for (const breakdown of configs[0].customerGroups) {
    const groups = breakdown.groups.map((g) => g.group);
    const figure = (metric) => groups.map((group) => ({label: group, values: configs.map((c) => {
      const b = c.customerGroups.find((x) => x.attribute === breakdown.attribute);
      const g = b && b.groups.find((x) => x.group === group);
      return g ? g[metric] : null;
    })}));
    charts.push(barChart('Long-tail share of slots by ' + breakdown.attribute, labels, figure('longTailShare')));
    charts.push(barChart('Items with a reason path by ' + breakdown.attribute, labels, figure('itemsWithPath')));
  }
  byId('audit-charts').replaceChildren(...charts);
  byId('audit-notes').replaceChildren(...report.notes.map((n) => el('li', {text: n})));
}

function kinds(configs) {
  const all = [...new Set(configs.flatMap((c) => c.explanation.kindShares.map((k) => k.kind)))];
  return all.map((kind) => ({label: kind.toLowerCase(), values: configs.map((c) =>
    (c.explanation.kindShares.find((k) => k.kind === kind) || {share: 0}).share)}));
}
