// Old page addresses (factors.html?..., signals.html?...) lead to the dashboard's page, query kept.
const page = location.pathname.replace(/^.*\//, '').replace(/\.html$/, '');
location.replace(`/#/${page}${location.search}`);
