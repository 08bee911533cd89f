"""Running on a shared server: logging, access control, security headers, request checks, caching."""
