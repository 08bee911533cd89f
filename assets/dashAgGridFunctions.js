// Value formatters for the AG Grid tables (components/grid.py): numbers as GI-TOC prints them.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// The grids' theme (components/grid.py THEME): Bootstrap's type and colours, compact rows. Made once and shared:
// AG Grid generates a theme's styles (some 70 KB) and adds them to the page for each theme object it meets.
var ocSharedTheme = null;
dagfuncs.ocTheme = function (themeQuartz) {
    ocSharedTheme = ocSharedTheme || themeQuartz.withParams({
        fontFamily: "inherit", fontSize: 13, headerFontSize: 12, headerFontWeight: 600, spacing: 4, rowHeight: 28,
        headerHeight: 34, wrapperBorderRadius: 0, accentColor: "#0072B2", headerBackgroundColor: "#f8f9fa",
        selectedRowBackgroundColor: "#fff3cd"});
    return ocSharedTheme;
};

// A score with two decimals (7.60, not 7.6); an empty cell for a missing value, never a zero.
dagfuncs.ocFixed = function (value, digits) {
    return value === null || value === undefined ? "" : Number(value).toFixed(digits);
};

// A change since the previous edition: +0.25, -0.50, 0.00, or 'new' where the earlier edition had no score.
dagfuncs.ocChange = function (value) {
    if (value === null || value === undefined) {
        return "new";
    }
    return value === 0 ? "0.00" : (value > 0 ? "+" : "") + Number(value).toFixed(2);
};

// A move in a ranking: '▲ 3' (3 places higher), '▼ 2', '=' (no move).
dagfuncs.ocMove = function (value) {
    return value > 0 ? "▲ " + value : value < 0 ? "▼ " + -value : "=";
};

// A rank as GI-TOC writes it: '26th of 193'.
dagfuncs.ocRank = function (rank, size) {
    if (rank === null || rank === undefined) {
        return "";
    }
    var tens = rank % 100, ones = rank % 10;
    var suffix = tens >= 11 && tens <= 13 ? "th" : ones === 1 ? "st" : ones === 2 ? "nd" : ones === 3 ? "rd" : "th";
    return rank + suffix + " of " + size;
};

// A text filter over 'region · continent' (the indicator ranking's region column, which shows the region): each
// option applies to either name, so 'equals Americas' keeps the continent and 'equals South America' the region.
// AG Grid lower-cases both sides first.
dagfuncs.ocEitherName = function (params) {
    var names = String(params.value || "").split(" · "), text = params.filterText || "";
    var tests = {
        equals: function (name) { return name === text; },
        startsWith: function (name) { return name.startsWith(text); },
        endsWith: function (name) { return name.endsWith(text); },
        contains: function (name) { return name.includes(text); }
    };
    if (params.filterOption === "notEqual") { return !names.some(tests.equals); }
    if (params.filterOption === "notContains") { return !names.some(tests.contains); }
    return names.some(tests[params.filterOption] || tests.contains);
};
