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
//   /auth, /interaction/<uid>                               SMART App Launch (authorization code, PKCE S256
//                                                           required): the EHR's sign-in, consent and, for a
//                                                           standalone launch with launch/patient, patient picker
//   POST /admin/launch patient=<id>                          tests only: an EHR launch id for that patient
//
//   node server.js ... --users users.json    users.json: [{"username": "...", "fhirUser": "Practitioner/<id>"}]
// clients.json: [{"client_id": "...", "jwks": {...} | "jwks_uri": "...", "scope": "system/*.rs",
//                 "token_ttl": 300}]  (Backend Services), or
//               [{"client_id": "...", "client_secret": "...", "redirect_uris": ["..."]}]  (App Launch)
import http from 'node:http';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    fhir: { type: 'string' },
    clients: { type: 'string' },
    users: { type: 'string' },
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
// EHR users who can log in at the authorization server (SMART App Launch): [{"username", "fhirUser"}]
const users = new Map((opts.users ? JSON.parse(fs.readFileSync(opts.users, 'utf8')) : []).map((u) => [u.username, u]));
const fhirBase = `${issuer}/fhir`;

// SMART v2 resource scopes: system/<Type|*>.<cruds>; v1's .read is accepted as .rs.
const TYPES = ['*', 'Patient', 'Condition', 'Observation', 'DiagnosticReport', 'DocumentReference',
  'MedicationRequest', 'MedicationStatement', 'MedicationAdministration', 'Medication', 'Procedure',
  'Specimen', 'Coverage', 'Organization', 'Claim', 'ClaimResponse', 'Practitioner', 'PractitionerRole',
  'Binary', 'Group', 'Encounter', 'Location'];
const SCOPES = ['system', 'patient', 'user'].flatMap((level) => TYPES.flatMap((t) => [
  `${level}/${t}.rs`, `${level}/${t}.read`, `${level}/${t}.r`, `${level}/${t}.s`]));
// SMART App Launch: context and identity scopes
const LAUNCH_SCOPES = ['launch', 'launch/patient', 'fhirUser', 'offline_access'];

const provider = new Provider(issuer, {
  clients: clients.map((c) => (c.redirect_uris ? {
    // a SMART App Launch client (the priorauth workspace): authorization code + PKCE S256, a client secret
    client_id: c.client_id,
    client_secret: c.client_secret,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: c.redirect_uris,
    scope: c.scope ?? `openid fhirUser ${LAUNCH_SCOPES.join(' ')} patient/*.rs patient/*.read`,
  } : {
    client_id: c.client_id,
    token_endpoint_auth_method: 'private_key_jwt',
    ...(c.jwks ? { jwks: c.jwks } : { jwks_uri: c.jwks_uri }),
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: c.scope ?? 'system/*.rs',
  })),
  clientAuthMethods: ['private_key_jwt', 'client_secret_basic'],
  // SMART: the launch context (launch, aud) rides on the authorization request; fhirUser is an id_token claim
  extraParams: ['launch', 'aud'],
  claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  findAccount: (ctx, id) => (users.has(id) ? {
    accountId: id,
    claims: () => ({ sub: id, fhirUser: users.get(id).fhirUser }),
  } : undefined),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // Every launch is a new context (a launch id, or a patient to pick): the EHR asks each time, never
  // reusing an earlier grant of the same browser session.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId;
    return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
  },
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  enabledJWA: { clientAuthSigningAlgValues: ['RS384', 'ES384'] },
  scopes: [...SCOPES, ...LAUNCH_SCOPES],
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    introspection: { enabled: true },
  },
  ttl: {
    ClientCredentials: (ctx, token, client) => ttlOf.get(client.clientId) ?? 300,
    AccessToken: () => Number(process.env.SMART_ACCESS_TTL || 3600),
  },
  // a client assertion must be fresh: oidc-provider rejects an expired one and a reused jti itself
  clockTolerance: 0,
});
provider.on('server_error', (ctx, err) => console.error('server_error', err));

// POST /admin/expire-tokens: every token issued so far stops working (as if it expired early)
const issued = new Set();
let expired = new Set();
provider.on('client_credentials.saved', (token) => issued.add(token.jti));
provider.on('access_token.saved', (token) => issued.add(token.jti));

function grants(scope, type) {
  const have = (scope || '').split(' ');
  const any = (t) => ['system', 'user', 'patient'].some((l) => have.includes(`${l}/${t}.rs`)
    || have.includes(`${l}/${t}.read`) || (have.includes(`${l}/${t}.r`) && have.includes(`${l}/${t}.s`)));
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
    authorization_endpoint: `${issuer}/auth`,
    grant_types_supported: ['client_credentials', 'authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    code_challenge_methods_supported: ['S256'],
    response_types_supported: ['code'],
    scopes_supported: [...SCOPES, ...LAUNCH_SCOPES, 'openid'],
    capabilities: ['client-confidential-asymmetric', 'client-confidential-symmetric', 'launch-ehr',
      'launch-standalone', 'context-ehr-patient', 'context-standalone-patient', 'sso-openid-connect',
      'permission-offline', 'permission-patient', 'permission-v2', 'permission-v1'],
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
  const token = await provider.ClientCredentials.find(m[1]) || await provider.AccessToken.find(m[1]);
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
  const context = token.grantId ? contextByGrant.get(token.grantId) : undefined;
  if (context?.patient && first === 'Patient' && bare.split('/').filter(Boolean)[1]
      && !bare.split('/').filter(Boolean)[1].startsWith('$') && bare.split('/').filter(Boolean)[1] !== context.patient) {
    return outcome(res, 403, 'forbidden', 'this token is for another patient');
  }
  const refused = needed.filter((t) => !grants(token.scope, t) && !grants(token.scope, '*'));
  if (refused.length) {
    return outcome(res, 403, 'forbidden', `the token's scopes do not cover ${refused.join(', ')}`);
  }
  return forward(req, res, path);
}


// -- SMART App Launch ---------------------------------------------------------------------------------
// The EHR's side of a launch: POST /admin/launch {"patient": "<id>"} (tests only) mints a launch id, as an
// EHR does when a user opens an app from a chart. The interaction page is the EHR login + consent; with
// launch/patient and no launch it is also the patient picker (standalone launch).
const launches = new Map(); // launch id -> {patient}
const contextByGrant = new Map(); // grant id -> {patient}

function escapeHtml(v) {
  return String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function page(res, status, title, body) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`
    + `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`);
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function upstreamJson(path) {
  return new Promise((resolve, reject) => {
    const target = new URL(upstream.pathname + path, upstream);
    http.get(target, { headers: { accept: 'application/fhir+json' } }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => { try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

function patientName(p) {
  const n = (p.name || [])[0] || {};
  return `${(n.given || []).join(' ')} ${n.family || ''}`.trim() || p.id;
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return page(res, 400, 'Wrong interaction', '<p>This sign-in page has expired.</p>');
  const { params } = details;
  const scopes = new Set(String(params.scope || '').split(' '));
  if (params.aud && params.aud.replace(/\/$/, '') !== fhirBase) {
    return provider.interactionFinished(req, res, { error: 'invalid_request', error_description: `aud is not ${fhirBase}` });
  }
  let launch;
  if (params.launch) {
    launch = launches.get(params.launch);
    if (!launch) return provider.interactionFinished(req, res, { error: 'invalid_request', error_description: 'unknown launch' });
  }
  const pick = !launch && scopes.has('launch/patient');
  if (action === undefined) {
    const options = [...users.values()].map((u) => `<option value="${escapeHtml(u.username)}">${escapeHtml(u.username)}</option>`).join('');
    let picker = '';
    if (pick) {
      const bundle = await upstreamJson('/Patient?_count=100&_sort=_id');
      const rows = (bundle.entry || []).map((e) => e.resource).filter((p) => p && p.id);
      picker = `<p><label for="patient">Patient</label> <select id="patient" name="patient">${rows.map((p) =>
        `<option value="${escapeHtml(p.id)}">${escapeHtml(patientName(p))} (${escapeHtml(p.id)})</option>`).join('')}</select></p>`;
    }
    return page(res, 200, 'EHR sign-in', `<form method="post" action="/interaction/${escapeHtml(uid)}/confirm">`
      + `<p><label for="user">EHR user</label> <select id="user" name="user">${options}</select></p>${picker}`
      + `<p>${escapeHtml(details.params.client_id)} asks for: ${escapeHtml(params.scope)}</p>`
      + '<p><button type="submit" name="decision" value="allow">Allow</button> '
      + '<button type="submit" name="decision" value="deny">Deny</button></p></form>');
  }
  const form = await readForm(req);
  if (form.get('decision') !== 'allow') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the user said no' });
  }
  const accountId = form.get('user');
  if (!users.has(accountId)) return page(res, 400, 'Unknown user', '<p>No such EHR user.</p>');
  const patient = launch ? launch.patient : (pick ? form.get('patient') : undefined);
  const grant = new provider.Grant({ accountId, clientId: params.client_id });
  grant.addOIDCScope([...scopes].join(' '));
  grant.addOIDCClaims(['fhirUser']);
  const grantId = await grant.save();
  if (patient) contextByGrant.set(grantId, { patient });
  return provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

// The token response carries the launch context (SMART): patient, need_patient_banner
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && ctx.body && ctx.body.access_token) {
    const at = await provider.AccessToken.find(ctx.body.access_token);
    const context = at && contextByGrant.get(at.grantId);
    if (context) {
      ctx.body.patient = context.patient;
      ctx.body.need_patient_banner = true;
    }
  }
});

const callback = provider.callback();
const server = http.createServer((req, res) => {
  const url = req.url || '/';
  if (url === '/fhir' || url.startsWith('/fhir/') || url.startsWith('/fhir?')) {
    fhir(req, res, url.slice('/fhir'.length) || '/').catch((err) => outcome(res, 500, 'exception', String(err)));
    return;
  }
  const inter = /^\/interaction\/([A-Za-z0-9_-]+)(\/confirm)?$/.exec(url.split('?')[0]);
  if (inter) {
    const action = inter[2] && req.method === 'POST' ? 'confirm' : undefined;
    interaction(req, res, inter[1], action).catch((err) => page(res, 400, 'Sign-in failed', `<p>${escapeHtml(err.message)}</p>`));
    return;
  }
  if (url === '/admin/launch' && req.method === 'POST' && process.env.SMART_TEST_ADMIN === '1') {
    readForm(req).then((form) => {
      const id = `L${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
      launches.set(id, { patient: form.get('patient') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ launch: id }));
    });
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
