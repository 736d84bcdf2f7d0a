// The reviewers' page: signs in with an API key and wires the three sections together.

import {ApiError, apiKey, forgetKey, rememberKey} from './api.js';
import {clearAudit, initAudit} from './audit.js';
import {byId} from './dom.js';
import {clearFlags, initFlags, loadFlags} from './flags.js';
import {currentGraph} from './graph.js';
import {clearRecommendations, initRecommendations, showCustomer} from './recommendations.js';

/** Shows what went wrong in the banner; null clears it, when a section starts something new. */
function showError(e) {
  if (e === null) {
    clearError();
    return;
  }
  const banner = byId('error');
  if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
    signOut();
    banner.textContent = 'Your API key was refused: ' + e.message + '.';
  } else {
    banner.textContent = e instanceof Error ? e.message : String(e);
  }
  banner.hidden = false;
}

function clearError() {
  byId('error').hidden = true;
  byId('error').textContent = '';
}

function signOut() {
  forgetKey();
  byId('workspace').hidden = true;
  byId('signout').hidden = true;
  byId('signin-fields').hidden = false;
  byId('status').textContent = 'Enter a reviewer\u2019s API key to start. The key stays in this browser tab only.';
  clearRecommendations();
  clearAudit();
  clearFlags();
}

async function signIn() {
  clearError();
  byId('status').textContent = 'Checking the key\u2026';
  try {
    // Loading the flags checks the key: a refused key never shows the workspace.
    await loadFlags();
  } catch (e) {
    showError(e);
    return;
  }
  byId('workspace').hidden = false;
  byId('signout').hidden = false;
  byId('signin-fields').hidden = true;
  byId('api-key').value = '';
  byId('status').textContent = 'Signed in. Choose a customer, run the audit or review the flags.';
}

byId('signin-form').addEventListener('submit', (event) => {
  event.preventDefault();
  rememberKey(byId('api-key').value.trim());
  signIn();
});
byId('signout').addEventListener('click', () => {
  clearError();
  signOut();
});
initRecommendations(showError);
initAudit(showError);
initFlags((customerId) => {
  showCustomer(customerId);
  byId('customer-section').scrollIntoView();
}, showError);
if (apiKey()) {
  signIn();
}

// For the browser console and the end-to-end test: the drawing as cytoscape holds it.
window.kgrecReview = Object.freeze({graph: currentGraph});
