// The load run's yardstick: Kestrel answering a small JSON document with nothing else in the pipeline (no
// authentication, no database, no views). Lynchpin's pages and API are measured beside it in the same run, so the
// ratio says how much of the machine's capacity each one's own work takes. Listens where Urls says (see bench/load-run.sh).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => new Status("Lynchpin bare endpoint", DateTime.UtcNow));
app.Run();

internal sealed record Status(string Name, DateTime At);
