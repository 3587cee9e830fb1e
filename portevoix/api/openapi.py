"""The OpenAPI description of the API, built from the registered collections."""

from django.utils.translation import override

from portevoix.api.models import Scope
from portevoix.api.registry import collections

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}


def error_response(description):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def page_schema(item_schema):
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1},
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": item_schema},
        },
    }


PARAMETERS = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PAGE_SIZE,
            "default": DEFAULT_PAGE_SIZE,
        },
    },
    {
        "name": "since",
        "in": "query",
        "required": False,
        "description": "Only records from this moment on (ISO 8601, with a time zone).",
        "schema": {"type": "string", "format": "date-time"},
    },
]


def summary(collection):
    if len(collection.parts) == 1:
        return collection.description
    with override("en"):
        return f"{Scope(collection.scope).label}, of {len(collection.parts)} kinds, oldest first."


def operation(collection):
    return {
        "get": {
            "operationId": f"list_{collection.name}",
            "summary": summary(collection),
            "description": collection.description,
            "security": [{"token": []}],
            "parameters": PARAMETERS,
            "responses": {
                "200": {
                    "description": "One page of results, oldest first.",
                    "content": {
                        "application/json": {"schema": page_schema(collection.item_schema)}
                    },
                },
                "400": error_response("A parameter is not valid."),
                "401": error_response("No token, or a token that is not valid or was revoked."),
                "403": error_response(f"The token may not read {collection.name}."),
            },
        }
    }


def describe(base_url=""):
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Porte-voix API",
            "version": "1",
            "description": (
                "Read-only access for a CRM to what people did and agreed to. "
                "Send a token made by an admin: `Authorization: Bearer <token>`. "
                "Each token reads only the collections its scopes allow."
            ),
        },
        "servers": [{"url": base_url or "/"}],
        "paths": {
            f"/api/v1/{name}/": operation(collection) for name, collection in collections().items()
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": ERROR},
        },
    }
