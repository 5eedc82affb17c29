// priorauth's test authorization server: npm's oidc-provider (OAuth 2.0: client_credentials with
// private_key_jwt client assertions, jti replay detection, token expiry) with a thin SMART layer of ours
// (system/*.rs-style scopes, .well-known/smart-configuration) and a token-checking proxy in front of a
// FHIR server, so priorauth's authenticated path is tested against a real OAuth server.
//
//   node server.js --port P --fhir http://127.0.0.1:H/fhir --clients clients.json
//
// Routes on http://127.0.0.1:P:
//   /token, /jwks, /.well-known/openid-configuration ...   oidc-provider (issuer http://127.0.0.1:P)
//   /fhir/.well-known/smart-configuration                   SMART discovery (open)
//   /fhir/metadata                                          the FHIR server's CapabilityStatement (open)
//   /fhir/...                                               proxied to the FHIR server with a valid token only
//   POST /admin/expire-tokens                               tests only (SMART_TEST_ADMIN=1): every token issued
//                                                           so far stops working (a token expiring mid-read)
// clients.json: [{"client_id": "...", "jwks": {...} | "jwks_uri": "...", "scope": "system/*.rs",
//                 "token_ttl": 300}]
import http from 'node:http';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    fhir: { type: 'string' },
    clients: { type: 'string' },
  },
});
if (!opts.port || !opts.fhir || !opts.clients) {
  console.error('usage: node server.js --port P --fhir URL --clients clients.json');
  process.exit(2);
}
const port = Number(opts.port);
const issuer = `http://127.0.0.1:${port}`;
const upstream = new URL(opts.fhir.replace(/\/$/, ''));
const clients = JSON.parse(fs.readFileSync(opts.clients, 'utf8'));
const ttlOf = new Map(clients.map((c) => [c.client_id, c.token_ttl ?? 300]));

// SMART v2 resource scopes: system/<Type|*>.<cruds>; v1's .read is accepted as .rs.
const TYPES = ['*', 'Patient', 'Condition', 'Observation', 'DiagnosticReport', 'DocumentReference',
  'MedicationRequest', 'MedicationStatement', 'MedicationAdministration', 'Medication', 'Procedure',
  'Specimen', 'Coverage', 'Organization', 'Claim', 'ClaimResponse', 'Practitioner', 'PractitionerRole',
  'Binary', 'Group', 'Encounter', 'Location'];
const SCOPES = TYPES.flatMap((t) => [`system/${t}.rs`, `system/${t}.read`, `system/${t}.r`, `system/${t}.s`]);

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({
    client_id: c.client_id,
    token_endpoint_auth_method: 'private_key_jwt',
    ...(c.jwks ? { jwks: c.jwks } : { jwks_uri: c.jwks_uri }),
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: c.scope ?? 'system/*.rs',
  })),
  clientAuthMethods: ['private_key_jwt'],
  enabledJWA: { clientAuthSigningAlgValues: ['RS384', 'ES384'] },
  scopes: SCOPES,
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    introspection: { enabled: true },
  },
  ttl: {
    ClientCredentials: (ctx, token, client) => ttlOf.get(client.clientId) ?? 300,
  },
  // a client assertion must be fresh: oidc-provider rejects an expired one and a reused jti itself
  clockTolerance: 0,
});
provider.on('server_error', (ctx, err) => console.error('server_error', err));

// POST /admin/expire-tokens: every token issued so far stops working (as if it expired early)
const issued = new Set();
let expired = new Set();
provider.on('client_credentials.saved', (token) => issued.add(token.jti));

function grants(scope, type) {
  const have = (scope || '').split(' ');
  const any = (t) => have.includes(`system/${t}.rs`) || have.includes(`system/${t}.read`)
    || (have.includes(`system/${t}.r`) && have.includes(`system/${t}.s`));
  return any('*') || (type !== '*' && any(type));
}

function outcome(res, status, code, text, extra = {}) {
  res.writeHead(status, { 'content-type': 'application/fhir+json', ...extra });
  res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] }));
}

function smartConfiguration(res) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({
    issuer,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    introspection_endpoint: `${issuer}/token/introspection`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    scopes_supported: SCOPES,
    capabilities: ['client-confidential-asymmetric', 'permission-v2', 'permission-v1'],
  }));
}

function forward(req, res, path) {
  const target = new URL(upstream.pathname + path, upstream);
  const headers = { ...req.headers };
  delete headers.authorization;
  headers.host = upstream.host;
  headers['x-forwarded-host'] = req.headers['x-forwarded-host'] || req.headers.host;
  headers['x-forwarded-proto'] = 'http';
  const up = http.request(target, { method: req.method, headers }, (upRes) => {
    res.writeHead(upRes.statusCode, upRes.headers);
    upRes.pipe(res);
  });
  up.on('error', (err) => outcome(res, 502, 'transient', `FHIR server unavailable: ${err.code || err.message}`));
  req.pipe(up);
}

async function fhir(req, res, path) {
  const bare = path.split('?')[0];
  if (bare === '/.well-known/smart-configuration') return smartConfiguration(res);
  if (bare === '/metadata') return forward(req, res, path);
  const auth = req.headers.authorization || '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  const challenge = { 'www-authenticate': 'Bearer realm="fhir"' };
  if (!m) return outcome(res, 401, 'login', 'a bearer token is required', challenge);
  const token = await provider.ClientCredentials.find(m[1]);
  if (!token || token.isExpired || expired.has(token.jti)) {
    return outcome(res, 401, 'login', 'the access token is not valid (unknown or expired)', { 'www-authenticate': 'Bearer error="invalid_token"' });
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return outcome(res, 403, 'forbidden', 'read-only access (scopes *.rs)');
  // What the request can return: its type; every type of Patient/$everything (its _type, else all);
  // anything for a system-level request or one with _include/_revinclude (their targets are open-ended).
  const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  const first = bare.split('/').filter(Boolean)[0] || '';
  let needed = [first];
  if (first === '' || first.startsWith('$') || first.startsWith('_') || query.has('_include') || query.has('_revinclude')) {
    needed = ['*'];
  } else if (bare.includes('$everything')) {
    needed = query.has('_type') ? query.get('_type').split(',') : ['*'];
  }
  const refused = needed.filter((t) => !grants(token.scope, t) && !grants(token.scope, '*'));
  if (refused.length) {
    return outcome(res, 403, 'forbidden', `the token's scopes do not cover ${refused.join(', ')}`);
  }
  return forward(req, res, path);
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  const url = req.url || '/';
  if (url === '/fhir' || url.startsWith('/fhir/') || url.startsWith('/fhir?')) {
    fhir(req, res, url.slice('/fhir'.length) || '/').catch((err) => outcome(res, 500, 'exception', String(err)));
    return;
  }
  if (url === '/admin/expire-tokens' && req.method === 'POST' && process.env.SMART_TEST_ADMIN === '1') {
    expired = new Set(issued);
    res.writeHead(204);
    res.end();
    return;
  }
  callback(req, res);
});
server.listen(port, '127.0.0.1', () => console.log(`smart auth server on ${issuer}, FHIR proxy ${issuer}/fhir -> ${upstream.href}`));
