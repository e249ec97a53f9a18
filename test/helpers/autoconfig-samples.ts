/** Autoconfig files (Thunderbird's config-v1.1.xml format) for tests: one good, and the hostile kinds. */

/** A file as a provider would publish it: two outgoing servers (best first), IMAP and POP3. */
export function goodAutoconfig(domain: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>Good &amp; Co Mail</displayName>
    <incomingServer type="imap">
      <hostname>imap.${domain}</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.%EMAILDOMAIN%</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.${domain}</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
      <authentication>OAuth2</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.${domain}</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <!-- Exchange ActiveSync is not something this tool tests. -->
    <incomingServer type="exchange">
      <hostname>eas.${domain}</hostname>
      <port>443</port>
      <socketType>SSL</socketType>
    </incomingServer>
  </emailProvider>
</clientConfig>
`;
}

/** The "billion laughs": ten levels of entities, each ten of the one below, 10^9 "lol"s when expanded. */
export function entityExpansionAutoconfig(): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level <= 9; level += 1) {
    levels.push(`<!ENTITY lol${String(level)} "${`&lol${String(level - 1)};`.repeat(10)}">`);
  }
  return `<?xml version="1.0"?>
<!DOCTYPE clientConfig [
${levels.join('\n')}
]>
<clientConfig version="1.1"><emailProvider id="x">
<displayName>&lol9;</displayName>
<outgoingServer type="smtp"><hostname>smtp.laughs.test</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>
</emailProvider></clientConfig>`;
}

/** Elements nested `depth` deep, which a recursive parser would follow until its stack ran out. */
export function deepNestingAutoconfig(depth: number): string {
  return `<clientConfig>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</clientConfig>`;
}
