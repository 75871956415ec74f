"""proxy_addons."""
