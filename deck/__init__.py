"""Briefing decks: PowerPoint and PDF files of chosen views for chosen countries (no Dash here)."""
