/**
 * What an edit changed, field by field, and how an edit's options become a whole account again.
 *
 * For the CLI's `accounts edit`, which takes only the options to change and prints what changed. The
 * app sends the whole form instead.
 */
import type { Account, AccountInput, IncomingServer, SignInMethod } from '../../../preload/contract/accounts';

/** The fields a person can edit, in the order they are reported. */
const EDITABLE = [
  'label',
  'email',
  'domain',
  'host',
  'port',
  'security',
  'username',
  'dkimSelectors',
  'clientGroup',
  'presetId',
  'incoming',
  'signIn',
] as const satisfies readonly (keyof Account)[];
export type EditableField = (typeof EDITABLE)[number];

export interface FieldChange {
  readonly field: EditableField;
  /** As shown to a person: lists joined with ", ", nothing as "". */
  readonly before: string;
  readonly after: string;
}

/** `imap imap.example.com:993 tls, user ann@example.com, own password`: one line for a change. */
function shownIncoming(server: IncomingServer): string {
  const password = server.ownPassword ? 'own password' : 'sending password';
  return `${server.protocol} ${server.host}:${String(server.port)} ${server.security}, user ${server.username}, ${password}`;
}

/** `password`, or `oauth microsoft, client ID abc, issuer https://...`. */
function shownSignIn(method: SignInMethod): string {
  if (method.method === 'password') return 'password';
  return `oauth ${method.provider}, client ID ${method.clientId}, issuer ${method.issuer}`;
}

function shown(value: Account[EditableField]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'protocol' in value) return shownIncoming(value);
  if (typeof value === 'object' && 'method' in value) return shownSignIn(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function accountChanges(before: Account, after: Account): readonly FieldChange[] {
  return EDITABLE.flatMap((field) => {
    const was = shown(before[field]);
    const now = shown(after[field]);
    return was === now ? [] : [{ field, before: was, after: now }];
  });
}

/**
 * The whole input for `update`, from the saved account and only the options given. Fields that
 * followed the email address (label, domain, sign-in name left at their defaults) follow a new one.
 */
export function editedInput(existing: Account, patch: Partial<AccountInput>): AccountInput {
  const followsEmail = (value: string) => value.toLowerCase() === existing.email.toLowerCase();
  const domainFollows =
    existing.domain === existing.email.slice(existing.email.lastIndexOf('@') + 1).toLowerCase();
  const newEmail = patch.email !== undefined && patch.email !== existing.email;
  const keep = <T>(value: T, follows: boolean): T | undefined => (newEmail && follows ? undefined : value);
  return {
    email: patch.email ?? existing.email,
    host: patch.host ?? existing.host,
    port: patch.port ?? existing.port,
    security: patch.security ?? existing.security,
    label: 'label' in patch ? patch.label : keep(existing.label, followsEmail(existing.label)),
    domain: 'domain' in patch ? patch.domain : keep(existing.domain, domainFollows),
    username: 'username' in patch ? patch.username : keep(existing.username, followsEmail(existing.username)),
    dkimSelectors: patch.dkimSelectors ?? existing.dkimSelectors,
    clientGroup: 'clientGroup' in patch ? patch.clientGroup : (existing.clientGroup ?? undefined),
    presetId: 'presetId' in patch ? patch.presetId : (existing.presetId ?? undefined),
    incoming: 'incoming' in patch ? patch.incoming : (existing.incoming ?? null),
    // Absent: the account service keeps the saved sign-in method.
    ...(patch.signIn === undefined ? {} : { signIn: patch.signIn }),
  };
}
