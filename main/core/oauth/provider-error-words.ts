/**
 * The errors Microsoft and Google commonly give at sign-in or refresh, in plain words with the fix.
 *
 * Microsoft Entra ID puts its own code in `error_description` ("AADSTS65001: The user or administrator
 * has not consented ...") and, in a token endpoint's JSON answer, in `error_codes` too; the OAuth `error`
 * beside it is generic (invalid_grant, invalid_client, consent_required, interaction_required). Google
 * uses its own `error` values (admin_policy_enforced, org_internal) or the standard invalid_client.
 * Sources: Microsoft Learn "Microsoft Entra authentication and authorization error codes"; Google
 * Identity "Using OAuth 2.0 to Access Google APIs", section on authorization errors.
 */

const MICROSOFT_CODE = /\bAADSTS(\d{5,8})\b/;

const MICROSOFT_WORDS: Readonly<Record<string, string>> = {
  '50020':
    'Microsoft refused the account you signed in with (AADSTS50020): it is not an account of the ' +
    'organisation this sign-in is for (a personal Microsoft account, or a guest from another ' +
    'organisation). Sign in with the work or school account of this mailbox; if the mailbox is in ' +
    'another organisation than the app registration, register the app for "Accounts in any ' +
    'organizational directory" (see docs/oauth.md).',
  '65001':
    'Nobody has consented to the permissions Mailwarden asks for in this organisation yet (AADSTS65001). ' +
    'An administrator opens the Entra admin center, App registrations, the Mailwarden app, API ' +
    'permissions, and chooses "Grant admin consent"; then sign in again.',
  '700016':
    'Microsoft does not know this client ID in the organisation you signed in to (AADSTS700016). Check ' +
    'the Application (client) ID ("mailwarden accounts edit ID --client-id ID"), and that the app is ' +
    'registered for "Accounts in any organizational directory" when the mailbox is in another ' +
    'organisation (see docs/oauth.md).',
  '50076':
    'Your organisation requires a second factor for this sign-in (AADSTS50076: multi-factor ' +
    'authentication). Sign in again and finish every step on Microsoft’s page, including the code or ' +
    'the approval in the Authenticator app.',
  '50079':
    'Your organisation requires a second factor that this account has not set up yet (AADSTS50079). ' +
    'Sign in again: Microsoft’s page then walks you through setting up the Authenticator app or a phone ' +
    'number first.',
  '7000218':
    'Microsoft wants a client secret from this app (AADSTS7000218), because its registration does not ' +
    'allow public client flows. In the Entra admin center, App registrations, the Mailwarden app, ' +
    'Authentication, set "Allow public client flows" to Yes (see docs/oauth.md); then sign in again.',
};

const GOOGLE_WORDS: Readonly<Record<string, string>> = {
  admin_policy_enforced:
    'Your Google Workspace administrator does not allow this app to use your account ' +
    '(admin_policy_enforced). An administrator opens the Admin console, Security, Access and data ' +
    'control, API controls, "Manage third-party app access", and marks the client ID as trusted; then ' +
    'sign in again.',
  org_internal:
    'This client ID is registered as "Internal" in Google Cloud, so only accounts of the organisation ' +
    'that registered it may sign in with it (org_internal). Sign in with an account of that ' +
    'organisation, or use a client ID registered for yours (see docs/oauth.md).',
};

/** Google answers invalid_client "The OAuth client was not found." for an unknown or deleted client ID. */
const CLIENT_NOT_FOUND = /client was not found/i;

const UNKNOWN_CLIENT_WORDS =
  'The provider does not know this client ID (invalid_client: the client was not found). Check the ID ' +
  'you registered ("mailwarden accounts edit ID --client-id ID", see docs/oauth.md); a deleted client ' +
  'must be registered again.';

/** Microsoft's own error code, from `error_codes` (token endpoint JSON) or the description's "AADSTS…". */
function microsoftCode(description: string | undefined, errorCodes: unknown): string | null {
  if (Array.isArray(errorCodes)) {
    for (const code of errorCodes) {
      const text = typeof code === 'number' || typeof code === 'string' ? String(code) : '';
      if (MICROSOFT_WORDS[text] !== undefined) return text;
    }
  }
  const match = description === undefined ? null : MICROSOFT_CODE.exec(description);
  return match?.[1] ?? null;
}

/**
 * Plain words for a provider error Mailwarden knows, or null for one it does not (the caller then quotes
 * the provider). `errorCodes` is Microsoft's `error_codes` from a JSON error body, when there was one.
 */
export function providerErrorWords(
  error: string,
  description: string | undefined,
  errorCodes?: unknown,
): string | null {
  const code = microsoftCode(description, errorCodes);
  const microsoft = code === null ? undefined : MICROSOFT_WORDS[code];
  if (microsoft !== undefined) return microsoft;
  const google = Object.hasOwn(GOOGLE_WORDS, error) ? GOOGLE_WORDS[error] : undefined;
  if (google !== undefined) return google;
  if (error === 'invalid_client' && description !== undefined && CLIENT_NOT_FOUND.test(description))
    return UNKNOWN_CLIENT_WORDS;
  return null;
}
