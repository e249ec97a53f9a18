/** Amazon SES: one SMTP endpoint per region. Facts from shared/reference/providers.md section 10. */
import type { ProviderPreset } from '../../../../preload/contract/providers';
import { implicitThenStarttls } from './building-blocks';

/**
 * Regions with an SMTP endpoint, as listed in AWS's own "Generate credentials to connect to an Amazon SES
 * SMTP endpoint" code example (SMTP_REGIONS), GovCloud left out. The host pattern is ✔ smtp-connect.html.
 */
const SES_REGIONS: readonly (readonly [region: string, name: string])[] = [
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-2', 'US West (Oregon)'],
  ['ca-central-1', 'Canada (Central)'],
  ['eu-west-1', 'Europe (Ireland)'],
  ['eu-west-2', 'Europe (London)'],
  ['eu-central-1', 'Europe (Frankfurt)'],
  ['eu-south-1', 'Europe (Milan)'],
  ['eu-north-1', 'Europe (Stockholm)'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'],
  ['sa-east-1', 'South America (São Paulo)'],
];

/** SES receiving endpoints (◐ AWS's list as quoted in a public issue); an MX here means the domain uses SES. */
const SES_RECEIVING_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];

export const AMAZON_SES: ProviderPreset = {
  id: 'amazon-ses',
  name: 'Amazon SES',
  // ✔ smtp-connect.html: TLS Wrapper on 465 (and 2465), STARTTLS on 587 (and 25, 2587).
  endpoints: SES_REGIONS.flatMap(([region, name]) =>
    implicitThenStarttls(
      `email-smtp.${region}.amazonaws.com`,
      'documented',
      'documented',
      `${name}, ${region}`,
    ),
  ),
  usernameHint: 'the SMTP user name SES created for you (an IAM access key ID, starting with AKIA)',
  quirks: [
    'The SMTP password is not your AWS secret access key: SES derives a separate SMTP password for each region. ' +
      'Create SMTP credentials in the SES console of the region you send from and use that password here.',
    'Pick the endpoint of the region where your sending address or domain is verified; credentials or identities ' +
      'from another region fail ("535 Authentication Credentials Invalid" or "554 Message rejected: Email address is not verified").',
    'New SES accounts start in a sandbox that only sends to verified addresses; request production access in each region you use.',
    "Amazon's default MAIL FROM domain lets SPF pass without aligning with your domain for DMARC: set up a custom " +
      'MAIL FROM subdomain (MX feedback-smtp.<region>.amazonses.com and TXT "v=spf1 include:amazonses.com ~all" on it).',
    "SES Easy DKIM uses per-domain selectors (three CNAMEs <token>._domainkey); copy them from the SES console into this account's DKIM selectors.",
    'On Amazon EC2, port 25 is throttled by default; use 465 or 587.',
  ],
  emailDomains: [],
  mxSuffixes: SES_RECEIVING_REGIONS.map((region) => `inbound-smtp.${region}.amazonaws.com`),
  // Goes on the custom MAIL FROM subdomain, not the apex (see the quirk above).
  spfInclude: 'amazonses.com',
  dkimSelectors: [],
  sources: [
    'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
    'https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html',
    'AWS code example "Generate credentials to connect to an Amazon SES SMTP endpoint" (SMTP_REGIONS)',
    'AWS SetIdentityMailFromDomain API reference',
    'https://repost.aws/knowledge-center/ses-554-400-message-rejected-error',
  ],
};
