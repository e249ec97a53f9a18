/** Proton Mail: through Proton Mail Bridge, or direct SMTP submission with a token. Facts from shared/reference/providers.md section 14. */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import { endpoint, SUBMISSION_PORT } from './building-blocks';

/** ✔ proton-bridge internal/vault/types_settings.go: SMTP listens on 127.0.0.1:1025, STARTTLS by default. */
const BRIDGE_SMTP_PORT = 1025;
/** ✔ Same file: IMAP listens on 127.0.0.1:1143, STARTTLS by default. */
const BRIDGE_IMAP_PORT = 1143;

const PROTON_DKIM_SELECTORS = ['protonmail', 'protonmail2', 'protonmail3'];
const PROTON_SPF_INCLUDE = '_spf.protonmail.ch';

export const PROTON_BRIDGE: ProviderPreset = {
  id: 'proton-bridge',
  name: 'Proton Mail (through Proton Mail Bridge)',
  endpoints: [
    endpoint('127.0.0.1', BRIDGE_SMTP_PORT, 'starttls', 'documented', 'Proton Mail Bridge on this computer'),
  ],
  // ✔ Bridge's default IMAP port, STARTTLS unless switched to SSL (types_settings.go).
  incomingEndpoints: [
    {
      protocol: 'imap',
      host: '127.0.0.1',
      port: BRIDGE_IMAP_PORT,
      security: 'starttls',
      label: 'Proton Mail Bridge on this computer',
      confidence: 'documented',
    },
  ],
  usernameHint: "your Proton address, as shown in Bridge's mailbox details",
  secretKind: 'bridge-password',
  quirks: [
    'Proton Mail Bridge must be installed and running on this computer; it comes with paid Proton plans.',
    'Use the password Bridge shows in its mailbox details, not your Proton account password.',
    'Bridge uses a self-signed certificate it made itself; the connection never leaves your computer, so a ' +
      'certificate warning for 127.0.0.1 is expected here.',
    'If you switched Bridge\'s SMTP connection to SSL, choose security "tls"; check the port in Bridge\'s settings.',
    'Custom-domain addresses on some business plans can also send without Bridge: see the "Proton Mail (SMTP submission)" preset.',
  ],
  emailDomains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
  mxSuffixes: ['mail.protonmail.ch', 'mailsec.protonmail.ch'],
  spfInclude: PROTON_SPF_INCLUDE,
  dkimSelectors: PROTON_DKIM_SELECTORS,
  sources: [
    'github.com/ProtonMail/proton-bridge internal/vault/types_settings.go',
    'https://proton.me/support/macos-certificate-warning',
    'https://proton.me/support/protonmail-bridge-faq',
  ],
};

export const PROTON_SMTP: ProviderPreset = {
  id: 'proton-smtp',
  name: 'Proton Mail (SMTP submission)',
  // ✔ proton.me/support/smtp-submission describes the service; host and port are ◐ (a public issue).
  endpoints: [endpoint('smtp.protonmail.ch', SUBMISSION_PORT, 'starttls', 'secondary')],
  usernameHint: 'the custom-domain address the SMTP token was made for',
  quirks: [
    'SMTP submission works only for custom-domain addresses on select Proton for Business plans and on Visionary or Family.',
    "Create an SMTP token in Proton Mail's settings and use it as the password; your account password does not work.",
    'Mail sent this way is not end-to-end encrypted.',
  ],
  emailDomains: [],
  mxSuffixes: [],
  spfInclude: PROTON_SPF_INCLUDE,
  dkimSelectors: PROTON_DKIM_SELECTORS,
  sources: [
    'https://proton.me/support/smtp-submission',
    'github.com/bluesky-social/pds/issues/195 (host and port)',
  ],
};
