"""Figure builders: pure functions from data and parameters to Plotly figures, free of Dash callbacks."""
