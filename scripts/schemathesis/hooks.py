"""Schemathesis hooks for the CCHC API (run.sh loads them: PYTHONPATH=this folder, SCHEMATHESIS_HOOKS=hooks).

1. Office Open XML request bodies (PUT .../xlsx) go on the wire as the raw bytes schemathesis
   generates for `format: binary`; the server must refuse what is not a workbook with 422, never 500.

2. Check `response_fields_documented`. An OpenAPI object schema without `additionalProperties`
   lets a response carry any field, so `response_schema_conformance` never notices a field the
   document forgot (`revision`, `ownerID`, `lockedAt`, ...). This check validates each JSON response
   against the documented schema of its status with every described object closed
   (`additionalProperties: false` where the document does not say otherwise) and reports the
   undocumented fields only (the other violations are response_schema_conformance's). The document
   served to clients stays open to additions; the test demands that every returned field be described.

3. Known identifiers (fuzzing phase). Random ids almost never name a unit, period or account in the
   caller's scope, so most cases of `/units/{unitID}/reports/{periodID}` and the like stop at 404.
   When CCHC_BASE_URL and CCHC_TOKEN are set, the ids in scope are read once from the API (units,
   the reporting periods of the caller's jurisdiction, accounts, forms) and each *valid* generated path
   parameter is swapped, half of the time, for one of them; likewise the `year` query parameter of
   the reports list and the timeliness table, and the body of the .xlsx upload (half of the time the
   workbook the server itself produced, so the accepting path is tested too). A value that is invalid
   on purpose (negative cases) is never touched, so what the case claims to test stays true.

4. The run's own account is not changed under it: `PUT /api/v1/users/{userID}` on the caller itself
   (a new password or deactivation revokes every token of the account) is not generated.
"""
from __future__ import annotations

import json
import os
import re
import urllib.request
from typing import Any

import jsonschema
import schemathesis
from hypothesis import strategies as st
from schemathesis.transport import SerializationContext

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@schemathesis.serializer(XLSX, DOCX)
def office_bytes(ctx: SerializationContext, value: object) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    data = getattr(value, "data", None)  # schemathesis' Binary wrapper
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(value, str):
        return value.encode("utf-8", errors="ignore")
    return json.dumps(value).encode()


def _resolve(root: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = root
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _closed(root: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """The schema with refs inlined, `nullable` as JSON Schema, and described objects closed."""
    if depth > 40:
        return {}
    node = _resolve(root, node)
    if isinstance(node, list):
        return [_closed(root, item, depth + 1) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("properties", "patternProperties"):
            out[key] = {name: _closed(root, sub, depth + 1) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = _closed(root, value, depth + 1)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [_closed(root, sub, depth + 1) for sub in value]
        elif key not in ("nullable", "discriminator", "xml", "example", "externalDocs", "deprecated", "readOnly", "writeOnly"):
            out[key] = value
    if "properties" in node and "additionalProperties" not in node:
        out["additionalProperties"] = False
    if node.get("nullable") is True:
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def _documented_schema(case: Any, status: int, content_type: str) -> Any:
    root = case.operation.schema.raw_schema
    responses = case.operation.definition.raw.get("responses", {})
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
    response = _resolve(root, response)
    if not isinstance(response, dict):
        return None
    content = response.get("content") or {}
    media = content.get(content_type.split(";")[0].strip()) or content.get("application/json")
    if not isinstance(media, dict) or "schema" not in media:
        return None
    return _closed(root, media["schema"])


@schemathesis.check
def response_fields_documented(ctx: Any, response: Any, case: Any) -> bool | None:
    content_type = (response.headers.get("content-type") or response.headers.get("Content-Type") or [""])
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    if "json" not in content_type:
        return None
    schema = _documented_schema(case, response.status_code, content_type)
    if schema is None:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    extras = []

    def collect(error: Any) -> None:
        if error.validator == "additionalProperties":
            where = "/".join("*" if isinstance(p, int) else str(p) for p in error.absolute_path) or "(root)"
            extras.append(f"{where}: {error.message}")
        for sub in error.context or []:
            collect(sub)

    for error in jsonschema.Draft4Validator(schema).iter_errors(body):
        collect(error)
    if extras:
        unique = sorted(set(extras))
        raise AssertionError(
            f"Response {response.status_code} has fields the document does not describe:\n  "
            + "\n  ".join(unique[:20]) + ("" if len(unique) <= 20 else f"\n  … {len(unique) - 20} more")
        )
    return None


# --- 3 and 4: known identifiers, and the run's own account ------------------------------------------

def _get(path: str, raw: bool = False) -> Any:
    request = urllib.request.Request(os.environ["CCHC_BASE_URL"].rstrip("/") + path,
                                     headers={"Authorization": "Bearer " + os.environ["CCHC_TOKEN"]})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read() if raw else json.load(response)


def _discover() -> tuple[dict[str, list[Any]], int | None]:
    if not os.environ.get("CCHC_BASE_URL") or not os.environ.get("CCHC_TOKEN"):
        return {}, None
    try:
        me = _get("/api/v1/me")
        units = _get("/api/v1/units")
        root = me.get("scopeRootID") or me["unit"]["id"]
        chosen = [root, me["unit"]["id"]]
        chosen += [u["id"] for u in units if u["kind"] in ("commune", "ward", "township")][:3]
        chosen += [u["id"] for u in units if u["kind"] == "office"][:1]
        rows = _get(f"/api/v1/units/{root}/reports")
        years = sorted({int(y) for r in rows for y in re.findall(r"(\d{4})", r.get("title", ""))}) or [2021]
        users = [u["id"] for u in _get("/api/v1/users") if u["id"] != me["user"]["id"]][:6]
        known = {
            "unitID": sorted(set(chosen)),
            "periodID": sorted({r["periodID"] for r in rows}),
            "year": years,
            "kind": sorted({r["kind"] for r in rows}),
            "userID": users,
            "formID": [f["id"] for f in _get("/api/v1/forms")],
        }
        known = {name: values for name, values in known.items() if values}
        if known.get("periodID"):
            # A workbook as the server writes it, to upload back (PUT .../xlsx): the accepting path too.
            known["workbook"] = [_get(f"/api/v1/units/{root}/reports/{known['periodID'][0]}/xlsx", raw=True)]
        return known, me["user"]["id"]
    except Exception as error:  # the run goes on with random ids only
        print(f"hooks.py: could not read the known ids ({error}); random ids only")
        return {}, None


KNOWN, SELF_ID = _discover()
XLSX_UPLOAD = ("PUT", "/api/v1/units/{unitID}/reports/{periodID}/xlsx")
_VALID = {
    "year": lambda v: isinstance(v, int) and not isinstance(v, bool) and 2000 <= v <= 2100,
    "kind": lambda v: isinstance(v, str) and re.fullmatch(r"([QqHh]1|[Qq]3|[Yy]|[Mm](0[1-9]|1[0-2]))", v) is not None,
}


def _valid(name: str, value: Any) -> bool:
    check = _VALID.get(name)
    if check is not None:
        return check(value)
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@schemathesis.hook
def flatmap_path_parameters(ctx: Any, path_parameters: dict[str, Any]) -> Any:
    if not KNOWN or not isinstance(path_parameters, dict):
        return st.just(path_parameters)
    choices = {}
    for name, value in path_parameters.items():
        if name in KNOWN and _valid(name, value):
            choices[name] = st.one_of(st.just(value), st.sampled_from(KNOWN[name]))
        else:
            choices[name] = st.just(value)
    return st.fixed_dictionaries(choices)


@schemathesis.hook
def flatmap_query(ctx: Any, query: Any) -> Any:
    """The same for the `year` of a query (reports, timeliness): half of the time, a year that has a regime."""
    operation = getattr(ctx, "operation", None)
    try:
        has_year = operation is not None and any(p.name == "year" for p in operation.query)
    except Exception:
        has_year = False
    if "year" not in KNOWN or not has_year or not (query is None or isinstance(query, dict)):
        return st.just(query)
    query = query or {}
    if "year" in query and not _valid("year", query["year"]):
        return st.just(query)  # invalid on purpose
    return st.sampled_from([query, {**query, "year": KNOWN["year"][0]}])


@schemathesis.hook
def flatmap_body(ctx: Any, body: Any) -> Any:
    operation = getattr(ctx, "operation", None)
    if "workbook" not in KNOWN or operation is None or (operation.method.upper(), operation.path) != XLSX_UPLOAD:
        return st.just(body)
    return st.sampled_from([body, KNOWN["workbook"][0]])


@schemathesis.hook
def filter_path_parameters(ctx: Any, path_parameters: dict[str, Any]) -> bool:
    operation = getattr(ctx, "operation", None)
    if SELF_ID is None or operation is None or not isinstance(path_parameters, dict):
        return True
    if operation.method.upper() == "PUT" and operation.path == "/api/v1/users/{userID}":
        return path_parameters.get("userID") != SELF_ID
    return True
