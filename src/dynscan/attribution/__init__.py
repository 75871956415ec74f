"""Who made a call or a request: the app, a known SDK, another library, or unknown."""

from dynscan.attribution.sdkdb import FRAMEWORK_PREFIXES, SdkDb, attribute
from dynscan.attribution.signatures import LibraryInfo, SdkInfo

__all__ = ["FRAMEWORK_PREFIXES", "LibraryInfo", "SdkDb", "SdkInfo", "attribute"]
