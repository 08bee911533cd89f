// Value formatters for the AG Grid tables (components/grid.py): numbers as GI-TOC prints them.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

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
