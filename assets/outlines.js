// The outlines of the maps of the page opened (named by the server: <meta name="oc-outlines">, components/shell.py),
// fetched as the page starts into Plotly's store of them (window.PlotlyGeoAssets): Plotly then draws a map as soon
// as it is on the page. It would otherwise ask for them once its code had loaded and the page's other components
// were set up, then draw the map after the answer, in a task of its own. Pages the router draws later are left to
// Plotly, as are outlines that fail to load (Plotly asks again, and says what went wrong).
(function () {
    const named = document.querySelector('meta[name="oc-outlines"]');
    if (!named || !named.content) { return; }
    const assets = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
    named.content.split(' ').forEach(function (address) {
        const name = address.split('/').pop().replace(/\.json$/, '');  // Plotly's name for them, as in the address
        fetch(address)
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
            .then(function (outlines) { if (assets.topojson[name] === undefined) { assets.topojson[name] = outlines; } })
            .catch(function () {});
    });
})();
