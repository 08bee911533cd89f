// Cell renderers for the AG Grid tables (components/grid.py). Loaded by Dash from assets/: no inline script.
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

// A link to another view of the app that navigates as dcc.Link does (no page reload); a modified click (new
// tab, new window) is left to the browser. The row's `href` field (or the column's cellRendererParams.href)
// holds the address.
dagcomponentfuncs.OcLink = function (props) {
    var field = (props.colDef.cellRendererParams || {}).href || "href";
    var href = props.data && props.data[field];
    if (!href) {
        return props.valueFormatted || props.value;
    }
    return React.createElement("a", {
        href: href,
        title: (props.colDef.cellRendererParams || {}).title ? props.data[props.colDef.cellRendererParams.title] : undefined,
        onClick: function (event) {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
                return;
            }
            event.preventDefault();
            window.history.pushState({}, "", href);
            window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
            window.scrollTo(0, 0);
        },
    }, props.valueFormatted || props.value);
};
