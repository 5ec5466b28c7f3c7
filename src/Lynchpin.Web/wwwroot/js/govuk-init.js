// Starts govuk-frontend's components. The layout names the versioned file in data-govuk-frontend,
// so a new release is fetched, not an old one from the cache.
const script = document.querySelector("script[data-govuk-frontend]");
const { initAll } = await import(script.dataset.govukFrontend);
initAll();
