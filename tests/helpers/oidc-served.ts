// An archive served with sign-in through the identity provider the tests run
// (tests/helpers/oidc-provider.ts): one committee, Økonomiudvalget, whose secretary is Anne Holm
// (login "anne"), linked to the provider's subject "a7f3-anne". `subject` is whom the provider
// vouches for in this test.
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import type { ApiHost } from '../../src-main/host/api-host';
import { inProcessHost } from '../../src-main/host/in-process-host';
import { oidcLogin } from '../../src-main/web/oidc';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { freePort } from '../support/free-port';
import { startTestProvider, type TestProvider } from './oidc-provider';
import { tempDir, testContext } from './store';

export type OidcServed = { provider: TestProvider; ctx: CoreContext; host: ApiHost; server: WebServer; base: string };

export async function startOidcServedArchive(subject: string, options: { now?: () => number } = {}): Promise<OidcServed> {
  const provider = await startTestProvider({ clientId: 'referent', clientSecret: 'hemmelig-klient', subject });
  const staticDir = tempDir('referent-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Referent app</title>');
  const ctx = testContext();
  const committee = await call(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
  await call(ctx, 'accounts.add', { login: 'anne', displayName: 'Anne Holm', oidcIssuer: provider.issuer, oidcSubject: 'a7f3-anne' });
  await call(ctx, 'accounts.setRole', { login: 'anne', committeeId: committee.id, role: 'secretary' });
  const host = inProcessHost(ctx);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const oidc = await oidcLogin({ issuer: provider.issuer, clientId: 'referent', clientSecret: 'hemmelig-klient', redirectBase: base });
  const server = await startWebServer({ host, staticDir, port, accounts: { oidc, ...(options.now ? { now: options.now } : {}) } });
  return { provider, ctx, host, server, base };
}
