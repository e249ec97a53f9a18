import { describe, expect, it } from 'vitest';
import { parseAutoconfigFile } from '../../../../main/core/discovery/autoconfig-file';
import { readBoundedXml } from '../../../../main/core/discovery/bounded-xml';
import {
  deepNestingAutoconfig,
  entityExpansionAutoconfig,
  goodAutoconfig,
} from '../../../helpers/autoconfig-samples';

function refusal(xml: string): string {
  const result = parseAutoconfigFile(xml, 'good.test');
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

describe('parseAutoconfigFile', () => {
  it('reads outgoing and incoming servers in the order the file gives them, placeholders replaced', () => {
    const result = parseAutoconfigFile(goodAutoconfig('good.test'), 'good.test');
    expect(result).toEqual({
      ok: true,
      file: {
        displayName: 'Good & Co Mail',
        outgoing: [
          {
            protocol: 'smtp',
            host: 'smtp.good.test',
            port: 465,
            security: 'tls',
            usernameTemplate: '%EMAILADDRESS%',
            authentication: ['password-cleartext', 'OAuth2'],
          },
          {
            protocol: 'smtp',
            host: 'smtp.good.test',
            port: 587,
            security: 'starttls',
            usernameTemplate: '%EMAILADDRESS%',
            authentication: ['password-cleartext'],
          },
        ],
        incoming: [
          {
            protocol: 'imap',
            host: 'imap.good.test',
            port: 993,
            security: 'tls',
            usernameTemplate: '%EMAILADDRESS%',
            authentication: ['password-cleartext'],
          },
          {
            protocol: 'pop3',
            host: 'pop.good.test',
            port: 995,
            security: 'tls',
            usernameTemplate: '%EMAILLOCALPART%',
            authentication: ['password-cleartext'],
          },
        ],
        skipped: ['A incomingServer of type "exchange" is not one this tool uses.'],
      },
    });
  });

  it('refuses a document type declaration, so entities cannot expand ("billion laughs")', () => {
    const started = Date.now();
    expect(refusal(entityExpansionAutoconfig())).toMatch(/declares a document type or entities/);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('refuses nesting deeper than the limit without recursing into it', () => {
    expect(refusal(deepNestingAutoconfig(10_000))).toMatch(/longer than 65536 characters/);
    expect(refusal(deepNestingAutoconfig(1_000))).toMatch(/nested deeper than 12 levels/);
  });

  it('refuses an undeclared entity, a bare ampersand and an invalid character reference', () => {
    expect(refusal('<clientConfig>&xxe;</clientConfig>')).toMatch(/undeclared entity &xxe;/);
    expect(refusal('<clientConfig>a & b</clientConfig>')).toMatch(/bare "&"/);
    expect(refusal('<clientConfig>&#0;</clientConfig>')).toMatch(/not a valid character/);
  });

  it('refuses documents that are not well formed or not autoconfig files', () => {
    expect(refusal('<clientConfig><emailProvider></clientConfig>')).toMatch(
      /<\/clientConfig> closes <emailProvider>/,
    );
    expect(refusal('<clientConfig>')).toMatch(/<clientConfig> is not closed/);
    expect(refusal('<html><body>Not found</body></html>')).toMatch(/root element is <html>/);
    expect(refusal('<clientConfig><emailProvider/></clientConfig>')).toMatch(/no usable server/);
    expect(refusal('')).toMatch(/no root element/);
  });

  it('leaves out servers it cannot use and says why', () => {
    const xml = `<clientConfig><emailProvider>
      <outgoingServer type="smtp"><hostname>bad host!</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>
      <outgoingServer type="smtp"><hostname>smtp.ok.test</hostname><port>99999</port><socketType>SSL</socketType></outgoingServer>
      <outgoingServer type="smtp"><hostname>smtp.ok.test</hostname><port>25</port><socketType>TLS1.3</socketType></outgoingServer>
    </emailProvider></clientConfig>`;
    const reason = refusal(xml);
    expect(reason).toMatch(/no usable server/);
    expect(reason).toMatch(/host name is not valid/);
    expect(reason).toMatch(/smtp\.ok\.test has no valid port/);
    expect(reason).toMatch(/smtp\.ok\.test:25 has an unknown socket type/);
  });
});

describe('readBoundedXml', () => {
  it('understands the predefined entities, character references, CDATA and comments', () => {
    const result = readBoundedXml(
      '<?xml version="1.0"?><r a="&quot;x&quot;"><!-- c --><t>&lt;&#65;&#x42;<![CDATA[<&>]]></t></r>',
    );
    expect(result).toEqual({
      ok: true,
      root: {
        name: 'r',
        attributes: { a: '"x"' },
        text: '',
        children: [{ name: 't', attributes: {}, children: [], text: '<AB<&>' }],
      },
    });
  });

  it('caps the number of elements and the length of a text', () => {
    expect(readBoundedXml(`<r>${'<a/>'.repeat(1_001)}</r>`)).toEqual({
      ok: false,
      reason: 'The file has more than 1000 elements.',
    });
    expect(readBoundedXml(`<r>${'x'.repeat(1_025)}</r>`)).toEqual({
      ok: false,
      reason: 'A text is longer than 1024 characters.',
    });
  });
});
