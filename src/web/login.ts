// The sign-in page, and the page a browser gets instead of JSON when a write is refused.
import { html } from 'hono/html';
import { type Html, layout } from './layout.js';

export interface LoginView {
  /** Who is signed in now, if anyone. */
  signedInAs?: string | null;
  /** Why the last attempt failed. */
  error?: string | null;
  /** Where to go after signing in (a local path). */
  next?: string | null;
}

const HOW_TO_GET_A_TOKEN = html`<p>A token comes from the machine that runs sitrep:
  <code>sitrep token create --name laptop</code> prints a new one. The first start of
  <code>sitrep serve</code> also prints a sign-in link (its token is kept in the data folder as <code>ui-token</code>).</p>`;

/** The sign-in form, or who is signed in with a sign-out button. */
export function loginPage(view: LoginView): Html {
  if (view.signedInAs) {
    return layout(
      'Signed in',
      html`<h1>Signed in</h1>
<p>This browser is signed in as <strong>${view.signedInAs}</strong>.</p>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
    );
  }
  return layout(
    'Sign in',
    html`<h1>Sign in</h1>
${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<form method="post" action="/login">
  <label for="token">Token</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required>
  ${view.next ? html`<input type="hidden" name="next" value="${view.next}">` : ''}
  <button type="submit">Sign in</button>
</form>
${HOW_TO_GET_A_TOKEN}`,
  );
}

/** What a browser sees when a form it posted needs a (write) sign-in first. */
export function signInRequiredPage(reason: string): Html {
  return layout(
    'Sign in to make changes',
    html`<h1>Sign in to make changes</h1>
<p>${reason}</p>
<p><a href="/login">Sign in with a token</a>, then go back and try again.</p>
${HOW_TO_GET_A_TOKEN}`,
  );
}
