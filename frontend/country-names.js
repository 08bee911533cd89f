// plotly.js finds countries by name (a map's locationmode "country names") in a table it builds when its code first
// runs, normalising some 1,500 names and aliases: about 30 ms of every page with a chart, for a mode the app's maps
// do not use (they name countries by ISO-3 code). Here Plotly gets the same table, built when it first looks a
// name up. Put in place of the `country-iso-search` package by `npm run build` (esbuild's alias).
function table() {
    return require('../node_modules/country-iso-search/dist/index.cjs');  // a path: the alias leaves it alone
}

module.exports = {
    COUNTRIES: [],  // Plotly passes them back to createLookup, with its own additions
    createLookup: function (additions) {
        let lookup = null;
        return {
            lookupAlpha3: function (name) {
                lookup = lookup || table().createLookup(table().COUNTRIES.concat(additions));
                return lookup.lookupAlpha3(name);
            },
        };
    },
};
