// Runs first thing in <body>, before it is drawn: tells govuk-frontend's styles that JavaScript
// runs, and whether the browser supports its components. A file rather than an inline script,
// because the Content-Security-Policy allows no inline script (docs/decisions/0007-*).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
