// The GraphQL client: every call carries the reviewer's key, kept for this tab only (sessionStorage).

const ENDPOINT = new URL('../graphql', document.baseURI).toString();
const KEY = 'kgrec.review.apiKey';

/** A failed call: the server's message and its extensions.code (UNAUTHENTICATED, FORBIDDEN, BAD_REQUEST...). */
export class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function rememberKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

/** Runs a GraphQL document; resolves to its data, or rejects with an ApiError for the first error. */
export async function graphql(query, variables = {}) {
  const key = apiKey();
  if (!key) {
    throw new ApiError('Enter your API key first.', 'UNAUTHENTICATED', 0);
  }
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-API-Key': key},
      body: JSON.stringify({query, variables}),
    });
  } catch (e) {
    throw new ApiError('The server cannot be reached: ' + e.message, 'NETWORK', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // not JSON: reported from the status below
  }
  const error = body && Array.isArray(body.errors) && body.errors[0];
  if (error) {
    const code = (error.extensions && error.extensions.code) || (response.status === 401 ? 'UNAUTHENTICATED' : 'ERROR');
    throw new ApiError(String(error.message), code, response.status);
  }
  if (!response.ok || !body || !body.data) {
    throw new ApiError('The server answered ' + response.status + '.',
        response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_' + response.status, response.status);
  }
  return body.data;
}
