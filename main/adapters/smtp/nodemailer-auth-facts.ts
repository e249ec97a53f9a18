/**
 * Reading what an SMTP login session said: AUTH mechanisms from an EHLO reply, replies as data, TLS facts
 * and fingerprint comparison. Pure functions of their input, shared by the login adapter and its session.
 */
import { visibleText } from '../../../preload/contract/untrusted-text';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { LoginReply, LoginTlsFacts } from '../../core/smtp/smtp-login';

/** The mechanisms of an EHLO reply's AUTH line (RFC 4954 section 3), also the old "AUTH=" form. */
export function authMechanisms(ehloReply: string): string[] {
  const found = new Set<string>();
  for (const line of ehloReply.split(/\r?\n/)) {
    const match = /^\d{3}[ -]AUTH[ =](.*)$/i.exec(line);
    if (match?.[1] === undefined) continue;
    for (const name of match[1].split(/[\s=]+/)) if (name !== '') found.add(name.toUpperCase());
  }
  return [...found];
}

/** What the TLS socket says about the session; read while it is alive (a destroyed socket forgets). */
export function tlsFactsOf(socket: Socket | TLSSocket | null): LoginTlsFacts | null {
  if (socket === null || !('encrypted' in socket)) return null;
  const secure = socket;
  const cert = secure.getPeerCertificate() as ReturnType<TLSSocket['getPeerCertificate']> | null;
  const hasCert = typeof cert === 'object' && cert !== null && Object.keys(cert).length > 0;
  const error = secure.authorizationError as Error | string | null | undefined;
  return {
    protocol: secure.getProtocol() ?? null,
    authorized: secure.authorized,
    authorizationError:
      error === null || error === undefined ? null : typeof error === 'string' ? error : error.message,
    fingerprintSha256: hasCert ? cert.fingerprint256 : null,
    subject: hasCert ? firstOf(cert.subject.CN) : null,
  };
}

/** One nodemailer reply string ("535-5.7.8 ...\n535 5.7.8 ...") as data. */
export function parseReply(raw: string): LoginReply {
  const lines = raw.split(/\r?\n/).filter((line) => line !== '');
  const first = lines[0] ?? '';
  const code = /^(\d{3})/.exec(first)?.[1];
  const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})(?:\s|$)/.exec(first)?.[1] ?? null;
  const text = lines
    .map((line) => line.replace(/^\d{3}[ -]?/, '').replace(/^[245]\.\d{1,3}\.\d{1,3}\s?/, ''))
    .join(' ')
    .trim();
  return { code: code === undefined ? 0 : Number(code), enhancedCode: enhanced, text: visibleText(text) };
}

/** Compares fingerprints ignoring case and separators, so "ab:cd" and "ABCD" are the same. */
export function fingerprintAllowed(facts: LoginTlsFacts, allowed: string | undefined): boolean {
  if (allowed === undefined || facts.fingerprintSha256 === null) return false;
  const norm = (value: string): string => value.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return norm(allowed).length === 64 && norm(allowed) === norm(facts.fingerprintSha256);
}

function firstOf(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : (value[0] ?? null);
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${String(ms / 1000)} s` : `${String(ms)} ms`;
}
