import { describe, expect, it } from 'vitest';
import { readBatchFile, type BatchRow, type BatchRowProblem } from '../../../../main/core/batch/batch-rows';

const HEADER = 'client,email or domain,host,port,security,user';

function rows(body: string, header = HEADER): readonly (BatchRow | BatchRowProblem)[] {
  const file = readBatchFile(`${header}\n${body}`);
  if (!file.ok) throw new Error(file.message);
  return file.rows;
}

function problem(body: string): BatchRowProblem {
  const [row] = rows(body);
  if (row?.kind !== 'problem') throw new Error(`expected a problem, got ${JSON.stringify(row)}`);
  return row;
}

describe('readBatchFile', () => {
  it('types an account row, a server row and a domain-only row', () => {
    expect(
      rows(
        [
          'Acme,Ann@Acme.TEST,,,,',
          'Beta,beta.test,SMTP.Beta.Test,587,STARTTLS,postmaster',
          '"Gamma, Ltd",gamma.test,,,,',
        ].join('\n'),
      ),
    ).toEqual([
      {
        kind: 'row',
        line: 2,
        client: 'Acme',
        target: { kind: 'email', email: 'Ann@acme.test', domain: 'acme.test' },
        server: null,
        user: '',
        incoming: null,
      },
      {
        kind: 'row',
        line: 3,
        client: 'Beta',
        target: { kind: 'domain', domain: 'beta.test' },
        server: { host: 'smtp.beta.test', port: 587, security: 'starttls' },
        user: 'postmaster',
        incoming: null,
      },
      {
        kind: 'row',
        line: 4,
        client: 'Gamma, Ltd',
        target: { kind: 'domain', domain: 'gamma.test' },
        server: null,
        user: '',
        incoming: null,
      },
    ]);
  });

  it('reads the optional incoming columns: all four, or none; one without the others is refused', () => {
    const header = `${HEADER},incoming protocol,incoming host,incoming port,incoming security`;
    const [withIncoming, without, partial, domainOnly] = rows(
      [
        'Acme,ann@acme.test,smtp.acme.test,465,tls,,POP3,Pop.Acme.Test,995,TLS',
        'Beta,bob@beta.test,smtp.beta.test,587,starttls,,,,,',
        'Gamma,gus@gamma.test,smtp.gamma.test,587,starttls,,imap,imap.gamma.test,,',
        'Delta,delta.test,smtp.delta.test,587,starttls,,imap,imap.delta.test,993,tls',
      ].join('\n'),
      header,
    );
    expect(withIncoming).toMatchObject({
      kind: 'row',
      incoming: { protocol: 'pop3', host: 'pop.acme.test', port: 995, security: 'tls' },
    });
    expect(without).toMatchObject({ kind: 'row', incoming: null });
    expect(partial).toMatchObject({
      kind: 'problem',
      reason: expect.stringContaining('incoming server: give host, port and security together') as unknown,
    });
    expect(domainOnly).toMatchObject({
      kind: 'problem',
      reason: expect.stringContaining('needs an email address') as unknown,
    });
    const file = readBatchFile(`${HEADER},incoming host\nAcme,acme.test,,,,,x`);
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.message).toContain('missing incomingProtocol, incomingPort, incomingSecurity');
  });

  it('finds columns by header name in any order and spelling', () => {
    const [row] = rows('465,tls,smtp.x.test,x.test,X,', 'Port,Security,Host,Domain,Client,Username');
    expect(row).toMatchObject({
      kind: 'row',
      client: 'X',
      server: { host: 'smtp.x.test', port: 465, security: 'tls' },
    });
  });

  it.each([
    ['Acme,acme.test,smtp.acme.test,587,ssl,', 'security mode "ssl" is unknown', 'SSL is tls here'],
    [
      'Acme,acme.test,smtp.acme.test,70000,tls,',
      'port must be a whole number from 1 to 65535, not "70000"',
      '',
    ],
    ['Acme,acme.test,smtp.acme.test,58 7,tls,', 'not "58 7"', ''],
    ['Acme,,smtp.acme.test,587,tls,', 'the email or domain is empty', ''],
    ['Acme,acme.test,smtp.acme.test,587', 'it has 4 fields where the header has 6', ''],
    ['Acme,ann@@acme.test,,,,', 'more than one @', ''],
    ['Acme,nodot,,,,', 'single name without a dot', ''],
    ['Acme,acme.test,smtp.acme.test,,,', 'give host, port and security together', ''],
    ['Acme,acme.test,smtp://acme.test,587,tls,', 'host "smtp://acme.test" is not valid', ''],
  ])('refuses %j with a reason', (line, reason, hint) => {
    const found = problem(line);
    expect(found.line).toBe(2);
    expect(found.reason).toContain(reason);
    expect(found.reason).toContain(hint);
  });

  it('keeps the line number of each bad row and carries on with the rest', () => {
    const all = rows(
      [
        'A,a.test,,,,',
        'B,b.test,smtp.b.test,0,tls,',
        '',
        'C,"multi',
        'line",,,,',
        'D,d.test,smtp.d.test,25,warp,',
        'E,e.test,,,,',
      ].join('\n'),
    );
    expect(all.map((row) => [row.kind, row.line])).toEqual([
      ['row', 2],
      ['problem', 3],
      ['problem', 5],
      ['problem', 7],
      ['row', 8],
    ]);
    // The client is kept for the index even when the row is bad.
    expect(all[1]).toMatchObject({ client: 'B', target: 'b.test' });
  });

  it('refuses a control character in the client name', () => {
    expect(problem('"Ac\u0007me",a.test,,,,').reason).toContain('control character');
  });

  it.each([
    ['', 'The file is empty'],
    ['client,email,host,port,security\nx,y,,,', 'missing user'],
    ['client,email,host,port,security,user,colour\n', 'unknown column "colour"'],
    ['client,email,domain,host,port,security,user\n', 'names the target column twice'],
    [HEADER, 'no rows'],
    ['"client,host\n', 'never closed'],
  ])('refuses the whole file %j with a clear message', (text, message) => {
    const file = readBatchFile(text);
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.message).toContain(message);
  });
});
