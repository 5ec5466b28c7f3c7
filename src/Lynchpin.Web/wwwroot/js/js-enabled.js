// Run first in <body>: govuk-frontend's styles for pages where JavaScript runs (from its template.njk).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
