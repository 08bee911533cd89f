// The Plotly the app's charts load (serving/suites.py, plotly_address): plotly.js's core, which holds the scatter
// trace, and the other trace types the app's figures use. Plotly's full bundle (4.8 MB, every trace type, WebGL and
// tile maps included) took some 85 ms to evaluate on each page with a chart on a 2-core machine; this one, with its
// table of country names built when first used (country-names.js), about 30 ms. A figure of any other type draws
// nothing: tests/unit/test_plotly_bundle.py checks every page's figures.
//
// Built into build/plotly.min.js by `npm run build` (make does), with esbuild, as plotly.js builds its own bundles.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/box'),
    require('plotly.js/lib/choropleth'),
]);

// Plotly styles each point's fill and outline twice a redraw, parsing the colour (culori) for each, though a figure
// has a handful of colours: about 10 ms of the quadrant's edition switch. Each colour's style is worked out once.
var Color = require('plotly.js/src/components/color');
['fill', 'stroke'].forEach(function (property) {
    var plotlys = Color[property];
    var styles = new Map();
    Color[property] = function (selection, color) {
        if (typeof color !== 'string') return plotlys(selection, color);
        var style = styles.get(color);
        if (!style) {
            if (styles.size >= 256) styles.clear();  // bounded: a colour scale gives a colour a point
            style = {};
            style[property] = Color.rgb(color);
            style[property + '-opacity'] = Color.parse(color).alpha;
            styles.set(color, style);
        }
        selection.style(style);
    };
});

module.exports = Plotly;
