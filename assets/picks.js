// List entries that select a country (components/quadrant.py, pick_list): one listener serves every entry, so the
// lists, drawn anew at each change, hold no ids for Dash to track. The list names the control an entry sets; a
// button's click also comes from the keyboard (Enter, Space).
document.addEventListener('click', function (event) {
    const entry = event.target instanceof Element && event.target.closest('[data-picks] [data-iso3]');
    if (!entry || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    window.dash_clientside.set_props(entry.closest('[data-picks]').getAttribute('data-picks'),
                                     {value: entry.getAttribute('data-iso3')});
});
