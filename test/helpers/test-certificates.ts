/**
 * A test certificate authority and leaf certificates of every kind the TLS checks must judge, made with
 * Debian's `openssl` CLI at test time.
 *
 * Nothing is checked in: certificates are generated into a private temporary folder the first time a test
 * process asks, then cached for the rest of that process (key generation is the slow part, so one RSA-2048
 * key serves every ordinary leaf). Usage:
 *
 *   const pki = await getTestPki();
 *   const good = await pki.leaf('good', 'mail.test'); // good.certPem, good.keyPem, good.certPath, ...
 *   // trust it with pki.caPem (e.g. as the probe's extraCaPem)
 *
 * Servers that present the SHA-1, MD5 or RSA-1024 leaf need `ciphers: 'DEFAULT@SECLEVEL=0'` (OpenSSL 3 refuses to
 * load them at its default security level).
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OPENSSL_PATH = '/usr/bin/openssl';
const OPENSSL_TIMEOUT_MS = 30_000;
const DAY_MS = 86_400_000;
/** The 'expiring-soon' leaf's days left when it is made (the TLS checks warn under 21). */
export const EXPIRING_SOON_DAYS = 10;
const GOOD_VALIDITY_DAYS = 365;
const CA_VALIDITY_DAYS = 3650;
export const TEST_CA_NAME = 'Mailwarden Test Root CA';

export const LEAF_KINDS = [
  /** RSA 2048, SHA-256, SAN DNS:<name> + IP:127.0.0.1, signed by the test CA, valid for a year. */
  'good',
  /** Like good, but valid from 60 to 30 days ago. */
  'expired',
  /** Like good, but valid only from 30 days from now. */
  'not-yet-valid',
  /** Like good, but with EXPIRING_SOON_DAYS left. */
  'expiring-soon',
  /** Signed by the test CA for `not-<name>` only (no IP address either). */
  'wrong-name',
  /** Like good, but signed by its own key, not by the CA. */
  'self-signed',
  /** Like good, with an RSA 1024-bit key. */
  'rsa-1024',
  /** Like good, signed with SHA-1 (sha1WithRSAEncryption). */
  'sha1',
  /** Like good, signed with MD5 (md5WithRSAEncryption); served only at security level 0. */
  'md5',
  /** Like good, with an ECDSA P-256 key (signed by the RSA CA with SHA-256). */
  'ecdsa-p256',
] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

export interface TestCertificate {
  readonly kind: LeafKind;
  /** The name the leaf was made for (its SAN, except for 'wrong-name'). */
  readonly name: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly certPath: string;
  readonly keyPath: string;
}

export interface TestPki {
  /** The folder holding every generated file; removed when the test process exits. */
  readonly dir: string;
  readonly caPem: string;
  readonly caPath: string;
  /** The leaf of this kind for this name, made on first use and cached for the process. */
  leaf(kind: LeafKind, name: string): Promise<TestCertificate>;
}

let pkiPromise: Promise<TestPki> | undefined;

/** The test PKI of this process, created on first call. */
export function getTestPki(): Promise<TestPki> {
  pkiPromise ??= createTestPki();
  return pkiPromise;
}

type KeyKind = 'rsa-2048' | 'rsa-1024' | 'ec-p256';

async function createTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'mailwarden-pki-'));
  process.once('exit', () => {
    rmSync(dir, { recursive: true, force: true });
  });
  const configPath = join(dir, 'openssl.cnf');
  await writeFile(configPath, BASE_CONFIG);

  const keys = new Map<KeyKind, Promise<string>>();
  const keyPath = (kind: KeyKind): Promise<string> => {
    let key = keys.get(kind);
    if (key === undefined) {
      key = generateKey(dir, kind);
      keys.set(kind, key);
    }
    return key;
  };
  // The ordinary leaf key is needed by nearly every test: start it alongside the CA's.
  void keyPath('rsa-2048').catch(() => undefined);

  const caKeyPath = join(dir, 'ca.key');
  const caPath = join(dir, 'ca.pem');
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', caKeyPath]);
  await openssl(
    [
      'req',
      '-config',
      configPath,
      '-x509',
      '-new',
      '-key',
      caKeyPath,
      '-sha256',
      '-days',
      String(CA_VALIDITY_DAYS),
      '-subj',
      `/CN=${TEST_CA_NAME}`,
      '-extensions',
      'ca_ext',
      '-out',
      caPath,
    ],
    dir,
  );
  const caPem = await readFile(caPath, 'utf8');

  const leaves = new Map<string, Promise<TestCertificate>>();
  let counter = 0;
  const leaf = (kind: LeafKind, name: string): Promise<TestCertificate> => {
    const cacheKey = `${kind} ${name}`;
    let made = leaves.get(cacheKey);
    if (made === undefined) {
      counter += 1;
      const leafDir = join(dir, `leaf-${String(counter)}-${kind}`);
      made = makeLeaf({ kind, name, leafDir, configPath, caPath, caKeyPath, keyPath });
      leaves.set(cacheKey, made);
    }
    return made;
  };
  return { dir, caPem, caPath, leaf };
}

interface LeafRequest {
  readonly kind: LeafKind;
  readonly name: string;
  readonly leafDir: string;
  readonly configPath: string;
  readonly caPath: string;
  readonly caKeyPath: string;
  readonly keyPath: (kind: KeyKind) => Promise<string>;
}

async function makeLeaf(request: LeafRequest): Promise<TestCertificate> {
  const { kind, name, leafDir } = request;
  await mkdir(join(leafDir, 'issued'), { recursive: true });
  const keyKind: KeyKind = kind === 'rsa-1024' ? 'rsa-1024' : kind === 'ecdsa-p256' ? 'ec-p256' : 'rsa-2048';
  const keyPath = await request.keyPath(keyKind);
  const certPath = join(leafDir, 'cert.pem');
  const certName = kind === 'wrong-name' ? `not-${name}` : name;
  const altNames = kind === 'wrong-name' ? `DNS:${certName}` : `DNS:${certName},IP:127.0.0.1`;
  const configPath = join(leafDir, 'openssl.cnf');
  await writeFile(configPath, leafConfig(leafDir, altNames));
  // openssl ca keeps a database per CA; each leaf has its own, so leaves can be made in parallel.
  await writeFile(join(leafDir, 'index.txt'), '');
  await writeFile(join(leafDir, 'serial'), '01\n');

  if (kind === 'self-signed') {
    await openssl(
      [
        'req',
        '-config',
        configPath,
        '-x509',
        '-new',
        '-key',
        keyPath,
        '-sha256',
        '-days',
        String(GOOD_VALIDITY_DAYS),
        '-subj',
        `/CN=${certName}`,
        '-extensions',
        'leaf_ext',
        '-out',
        certPath,
      ],
      leafDir,
    );
  } else {
    const csrPath = join(leafDir, 'request.csr');
    await openssl(
      ['req', '-config', configPath, '-new', '-key', keyPath, '-subj', `/CN=${certName}`, '-out', csrPath],
      leafDir,
    );
    const { start, end } = validity(kind, Date.now());
    await openssl(
      [
        'ca',
        '-config',
        configPath,
        '-batch',
        '-notext',
        '-rand_serial',
        '-cert',
        request.caPath,
        '-keyfile',
        request.caKeyPath,
        '-in',
        csrPath,
        '-out',
        certPath,
        '-startdate',
        start,
        '-enddate',
        end,
        // RFC 9155 deprecates SHA-1 signatures and RFC 6151 MD5; these leaves exist so the checks find them.
        '-md',
        kind === 'sha1' ? 'sha1' : kind === 'md5' ? 'md5' : 'sha256',
        '-extensions',
        'leaf_ext',
      ],
      leafDir,
    );
  }
  const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  return { kind, name, certPem, keyPem, certPath, keyPath };
}

function validity(kind: LeafKind, nowMs: number): { start: string; end: string } {
  const from = (days: number): string => opensslTime(nowMs + days * DAY_MS);
  switch (kind) {
    case 'expired':
      return { start: from(-60), end: from(-30) };
    case 'not-yet-valid':
      return { start: from(30), end: from(30 + GOOD_VALIDITY_DAYS) };
    case 'expiring-soon':
      return { start: from(-1), end: from(EXPIRING_SOON_DAYS) };
    default:
      return { start: from(-1), end: from(GOOD_VALIDITY_DAYS) };
  }
}

/** `openssl ca -startdate/-enddate` take YYYYMMDDHHMMSSZ. */
function opensslTime(ms: number): string {
  return `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

async function generateKey(dir: string, kind: KeyKind): Promise<string> {
  const path = join(dir, `leaf-${kind}.key`);
  const algorithm =
    kind === 'ec-p256'
      ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${kind === 'rsa-1024' ? '1024' : '2048'}`];
  await openssl(['genpkey', ...algorithm, '-out', path]);
  return path;
}

/** Our own configuration, so the system's openssl.cnf (Debian's defaults) cannot change the certificates. */
const BASE_CONFIG = [
  '[ req ]',
  'distinguished_name = req_dn',
  'prompt = no',
  '[ req_dn ]',
  'CN = unused',
  '[ ca_ext ]',
  'basicConstraints = critical,CA:TRUE',
  'keyUsage = critical,keyCertSign,cRLSign',
  'subjectKeyIdentifier = hash',
  '',
].join('\n');

function leafConfig(leafDir: string, altNames: string): string {
  return [
    BASE_CONFIG,
    '[ ca ]',
    'default_ca = test_ca',
    '[ test_ca ]',
    `database = ${join(leafDir, 'index.txt')}`,
    `serial = ${join(leafDir, 'serial')}`,
    `new_certs_dir = ${join(leafDir, 'issued')}`,
    'unique_subject = no',
    'policy = policy_any',
    'copy_extensions = none',
    '[ policy_any ]',
    'commonName = supplied',
    '[ leaf_ext ]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage = serverAuth',
    `subjectAltName = ${altNames}`,
    'subjectKeyIdentifier = hash',
    '',
  ].join('\n');
}

function openssl(args: readonly string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      OPENSSL_PATH,
      args,
      {
        cwd,
        timeout: OPENSSL_TIMEOUT_MS,
        // Keep the system's configuration out (openssl ca also needs its database files in place).
        env: { ...process.env, OPENSSL_CONF: '/dev/null' },
      },
      (error, _stdout, stderr) => {
        if (error === null) resolve();
        else reject(new Error(`openssl ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`));
      },
    );
  });
}
