// GraphiQL on this service's /graphql. The stock fetcher sends the Headers tab's JSON (e.g. {"X-API-Key": "..."})
// with every request, including the schema introspection. Headers are not persisted, so a key is not left in
// localStorage; queries and variables are, as GraphiQL does by default.
'use strict';

const endpoint = new URL('../graphql', window.location.href).href;

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: endpoint }),
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
  }),
);
