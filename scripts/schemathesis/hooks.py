"""Schemathesis hooks for the CCHC API (run.sh loads them through SCHEMATHESIS_HOOKS=hooks).

1. Office Open XML request bodies (PUT .../xlsx) go on the wire as the raw bytes schemathesis
   generates for `format: binary`; the server must refuse what is not a workbook with 422, never 500.

2. Check `response_fields_documented`. An OpenAPI object schema without `additionalProperties`
   lets a response carry any field, so `response_schema_conformance` never notices a field the
   document forgot (`revision`, `ownerID`, `lockedAt`, ...). This check validates each JSON response
   against the documented schema of its status with every described object closed
   (`additionalProperties: false` where the document does not say otherwise) and reports the
   undocumented fields only (the other violations are response_schema_conformance's). The document
   served to clients stays open to additions; the test demands that every returned field be described.
"""
from __future__ import annotations

import json
from typing import Any

import jsonschema
import schemathesis
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
