"""The hook catalog: declarative YAML (``hooks/catalog/*.yaml``) validated by pydantic models."""

from dynscan.hooks.loader import Catalog, load_catalog
from dynscan.hooks.model import HookSpec

__all__ = ["Catalog", "HookSpec", "load_catalog"]
