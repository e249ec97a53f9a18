/** Server software named in a greeting or an IMAP ID answer (RFC 2971), as a short evidence string. */

const KNOWN =
  /\b(Dovecot|Courier|Cyrus|Microsoft Exchange|Exchange|Zimbra|UW IMAP|hMailServer|MDaemon|Gimap|Qpopper|Kerio|SmarterMail|Stalwart|Axigen)\b[^\],;]{0,40}/i;

export function softwareInGreeting(text: string): string | null {
  const match = KNOWN.exec(text);
  return match === null ? null : match[0].trim().slice(0, 80);
}

export function softwareInId(fields: Readonly<Record<string, string>> | null): string | null {
  if (fields === null) return null;
  const name = fields['name'];
  if (name === undefined) return null;
  const version = fields['version'];
  return `${name}${version === undefined ? '' : ` ${version}`}`.slice(0, 80);
}
