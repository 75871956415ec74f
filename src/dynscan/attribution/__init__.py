"""Who made a call or a request: the app, a known SDK, another library, or unknown; whose a host is."""

from dynscan.attribution.destination import Destination, DestinationClassifier, registrable_domain
from dynscan.attribution.sdkdb import FRAMEWORK_PREFIXES, SdkDb, attribute
from dynscan.attribution.signatures import LibraryInfo, SdkInfo

__all__ = ["FRAMEWORK_PREFIXES", "Destination", "DestinationClassifier", "LibraryInfo", "SdkDb", "SdkInfo",
           "attribute", "registrable_domain"]
