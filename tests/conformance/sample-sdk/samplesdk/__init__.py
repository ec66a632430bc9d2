"""A made-up SDK in the style the Speakeasy generator writes (models only)."""
