// GraphiQL on this service's /graphql. The stock fetcher sends the Headers tab's JSON (e.g. {"X-API-Key": "..."})
// with every request. Headers are not persisted, so a key is not left in localStorage; queries and variables are, as
// GraphiQL does by default.
'use strict';

const endpoint = new URL('../graphql', window.location.href).href;
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
const fetcher = GraphiQL.createFetcher({ url: endpoint });
let schemaHeaders = '';
let pending;

// GraphiQL's own introspection query nests 13 levels deep, past the service's depth limit of 12, and /graphql needs
// a key, which the Headers tab holds only once the user has typed it. So the page asks for no schema on opening
// (schema null) and, once the headers are valid JSON and have rested for a moment, loads the schema's SDL from
// /graphql/schema with them; the documentation and autocompletion then use it.
function render(schema) {
  root.render(React.createElement(GraphiQL, {
    fetcher,
    schema,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
    onEditHeaders: headersEdited,
  }));
}

function headersEdited(text) {
  clearTimeout(pending);
  pending = setTimeout(() => loadSchema(text), 400);
}

async function loadSchema(text) {
  const headers = jsonObject(text);
  if (headers === null || text === schemaHeaders) {
    return;
  }
  schemaHeaders = text;
  try {
    const response = await fetch(endpoint + '/schema', { headers });
    if (response.ok && text === schemaHeaders) {
      render(GraphiQL.GraphQL.buildSchema(await response.text()));
    }
  } catch (e) {
    // Headers that fetch refuses (e.g. a value with a line break): the query itself will report them.
  }
}

function jsonObject(text) {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch (e) {
    return null;
  }
}

render(null);
