"""The EHR's JWT: allow-listed issuer, its JWKS, audience = the service URL, expiry, single use."""

from __future__ import annotations

import json
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi.testclient import TestClient

from priorauth.cds.http import CdsSettings, create_app
from priorauth.cds.trust import Trust

ISS = "https://ehr.example.org"
URL = "http://testserver/cds-services/priorauth-order-select"
KEY = ec.generate_private_key(ec.SECP384R1())
JWK = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(KEY.public_key()))
JWKS = {"keys": [{**JWK, "kid": "k1", "alg": "ES384", "use": "sig"}]}


def token(**over: object) -> str:
    now = int(time.time())
    claims = {"iss": ISS, "aud": URL, "exp": now + 300, "iat": now, "jti": str(uuid.uuid4()), **over}
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, KEY, algorithm="ES384", headers={"kid": "k1", "jku": f"{ISS}/jwks"})


def post(client: TestClient, tok: str | None) -> int:
    headers = {"authorization": f"Bearer {tok}"} if tok else {}
    body = {
        "hook": "order-select",
        "hookInstance": "x",
        "context": {"patientId": "p", "draftOrders": {"resourceType": "Bundle"}},
    }
    return client.post("/cds-services/priorauth-order-select", json=body, headers=headers).status_code


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(CdsSettings(Trust({ISS: JWKS}))))


def test_a_valid_jwt_is_accepted(client: TestClient) -> None:
    assert post(client, token()) == 200


@pytest.mark.parametrize(
    "tok",
    [
        None,
        "not-a-jwt",
        token(aud="https://other.example.org/cds-services/x"),
        token(exp=int(time.time()) - 3600),
        token(iss="https://evil.example.org"),
        token(jti=None),
        jwt.encode(
            {"iss": ISS, "aud": URL, "exp": int(time.time()) + 60, "iat": 1, "jti": "j"}, "secret", algorithm="HS256"
        ),
        jwt.encode(
            {"iss": ISS, "aud": URL, "exp": int(time.time()) + 60, "iat": 1, "jti": "j2"},
            ec.generate_private_key(ec.SECP384R1()),
            algorithm="ES384",
            headers={"kid": "k1"},
        ),
    ],
    ids=["missing", "garbage", "wrong-audience", "expired", "unknown-issuer", "no-jti", "hs256", "wrong-key"],
)
def test_untrusted_calls_get_401(client: TestClient, tok: str | None) -> None:
    assert post(client, tok) == 401


def test_a_jwt_is_single_use(client: TestClient) -> None:
    tok = token()
    assert post(client, tok) == 200
    assert post(client, tok) == 401


def test_development_mode_accepts_unsigned_calls_from_loopback_only() -> None:
    app = create_app(CdsSettings(Trust({}, dev_unsigned_loopback=True)))
    assert post(TestClient(app, client=("127.0.0.1", 1)), None) == 200
    assert post(TestClient(app, client=("10.1.2.3", 1)), None) == 401
