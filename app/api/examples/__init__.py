"""Real request and response examples for the OpenAPI spec, recorded from the seed article."""
