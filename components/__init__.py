"""Dash panels: one module per page or panel, each with its layout and the callbacks it registers."""
