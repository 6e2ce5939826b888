"""The shapes the REST API reads and writes: ninja Schemas, so /api/v1/openapi.json describes them exactly.

One module per area, like the routers. Enumerations are spelt out as `Literal`s (a test checks them
against the models' choices) so that each appears in the OpenAPI document where it is used.
"""

from carepath.api.schemas.common import ProblemDetails

__all__ = ["ProblemDetails"]
