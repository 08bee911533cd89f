"""Domain layer of OC Index Explorer: loading, validating and ranking the GI-TOC Global Organized Crime Index.

Knows nothing of Dash: the CLI, the benchmarks and the web app all build on it.
"""

__version__ = "0.1.0"
