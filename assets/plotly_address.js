// Dash's graphs load Plotly, when a page first needs it, from the address Dash's renderer writes to
// window._dashPlotlyJSURL: one without a version, which the browser asks the server about again on every page, and
// whose compiled code it then makes anew. This keeps the address with the version (app.py puts it in the page's
// <meta name="oc-plotly">; serving/suites.py, plotly_address), which the browser keeps for good, code and all.
(function () {
    const meta = document.querySelector('meta[name="oc-plotly"]');
    if (meta && meta.content) {
        Object.defineProperty(window, '_dashPlotlyJSURL', {
            configurable: true, get: function () { return meta.content; }, set: function () {},
        });
    }
})();
